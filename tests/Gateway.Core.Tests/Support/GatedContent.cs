using System.Net;

namespace FunctionGateway.Tests.Support;

/// <summary>A request body sent in two parts: the second only once <paramref name="gate"/> completes.</summary>
internal sealed class GatedContent(byte[] head, Task gate, byte[] tail) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(head);
        await stream.FlushAsync();
        await gate;
        await stream.WriteAsync(tail);
    }

    // Unknown length: sent chunked, as a client streaming a body would.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
