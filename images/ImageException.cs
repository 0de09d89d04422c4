namespace ToyMachine.Images;

/// <summary>Thrown for input the image builder refuses or an image the reader cannot
/// use; the message is one line naming the file (host file, guest path or image) and
/// what is wrong.</summary>
public sealed class ImageException(string message) : Exception(message);
