namespace ToyMachine.Cli;

/// <summary>The keyboard of an interactive boot, with QEMU's escape: Ctrl-A x stops the
/// machine, Ctrl-A Ctrl-A sends one Ctrl-A to the guest. Every other byte passes through,
/// so ^C, ^Z and ^D reach the guest's console driver.</summary>
internal sealed class EscapeStream(Stream inner, Action onQuit) : Stream
{
    private const byte CtrlA = 0x01;
    private bool _escape;

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (true)
        {
            int n = inner.Read(buffer, offset, count);
            if (n == 0) return 0;
            int kept = 0;
            for (int i = 0; i < n; i++)
            {
                byte b = buffer[offset + i];
                if (_escape)
                {
                    _escape = false;
                    if (b == (byte)'x' || b == (byte)'X') { onQuit(); return 0; }
                    if (b != CtrlA) continue;           // unknown escape: dropped
                }
                else if (b == CtrlA) { _escape = true; continue; }
                buffer[offset + kept++] = b;
            }
            if (kept > 0) return kept;
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
