using System.Reflection;
using System.Text.RegularExpressions;

namespace ToyMachine.Cpu.Tests;

/// <summary>docs/cycle-model.md prints the table of cpu/CycleModel.cs: they must agree.</summary>
public class CycleModelDocumentTests
{
    private static string Document()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ToyMachine.sln"))) dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir!.FullName, "docs", "cycle-model.md"));
    }

    public static TheoryData<string> Costs()
    {
        var data = new TheoryData<string>();
        foreach (var f in typeof(CycleModel).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            data.Add(f.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Costs))]
    public void Every_cost_of_the_model_appears_in_the_document_with_its_value(string name)
    {
        int value = (int)typeof(CycleModel).GetField(name)!.GetRawConstantValue()!;
        var row = Regex.Match(Document(), $@"^\| {name} \|.*\| (\d+) \|$", RegexOptions.Multiline);
        Assert.True(row.Success, $"docs/cycle-model.md has no row for {name}");
        Assert.Equal(value, int.Parse(row.Groups[1].Value));
    }
}
