using System.Buffers;

namespace FunctionGateway.Integrations;

/// <summary>What an HTTP/1.1 field value may carry (RFC 9110 5.5): visible ASCII, space and tab.</summary>
internal static class FieldValue
{
    // CR, LF and NUL would end the header or the whole head of the request: a mapped value holding them could
    // add headers or a body of the client's choosing. Non-ASCII is refused too, not encoded: RFC 9110 leaves
    // obs-text to Latin-1 while clients mean UTF-8, so the upstream would read another text than the client
    // sent, and HttpClient refuses it anyway (which YARP reports as an unreachable upstream).
    private static readonly SearchValues<char> Allowed = SearchValues.Create(
        "\t !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    public static bool IsValid(ReadOnlySpan<char> value) => !value.ContainsAnyExcept(Allowed);
}
