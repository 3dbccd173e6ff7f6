using System.Buffers;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;

namespace FunctionGateway.Hosting;

/// <summary>
/// Follows an HTTP/1.1 connection's bytes as the server reads them, request by request (heads, then bodies by their
/// Content-Length or chunks), and reports a <c>Content-Length</c> that is not digits alone. Kestrel reads <c>+3</c> as
/// 3 and <c>-0</c> as 0 and keeps only the number, so the engine cannot see the raw value; this can. It gives up
/// quietly (no verdict) on whatever it does not follow: TLS bytes, HTTP/2, an upgraded connection, a malformed head.
/// </summary>
internal sealed class Http1HeadScanner
{
    // Longer than Kestrel's 32 KB header limit: a head this long is refused by the server anyway.
    private const int MaxHeadLength = 64 * 1024;

    private readonly List<byte> _head = [];
    private State _state = State.Head;
    private long _remaining;
    private long _chunkSize;

    private enum State
    {
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Stopped,
    }

    private long _requests;

    /// <summary>The 0-based number of the first request whose Content-Length is not all digits; -1 for none.</summary>
    public long BadContentLengthRequest { get; private set; } = -1;

    public void Feed(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            var span = segment.Span;
            while (!span.IsEmpty && _state != State.Stopped)
            {
                span = Step(span);
            }
        }
    }

    private ReadOnlySpan<byte> Step(ReadOnlySpan<byte> span)
    {
        switch (_state)
        {
            case State.Head:
                return ReadHead(span);
            case State.Body:
            case State.ChunkData:
                var skip = (int)Math.Min(_remaining, span.Length);
                _remaining -= skip;
                if (_remaining == 0)
                {
                    _state = _state == State.Body ? State.Head : State.ChunkDataEnd;
                    _remaining = 2;
                }

                return span[skip..];
            case State.ChunkDataEnd:
                var crlf = (int)Math.Min(_remaining, span.Length);
                _remaining -= crlf;
                if (_remaining == 0)
                {
                    _state = State.ChunkSize;
                }

                return span[crlf..];
            default:
                return ReadLine(span);
        }
    }

    // Chunk-size lines and trailer lines, one byte at a time into the head buffer (they are short).
    private ReadOnlySpan<byte> ReadLine(ReadOnlySpan<byte> span)
    {
        var end = span.IndexOf((byte)'\n');
        var take = end < 0 ? span.Length : end + 1;
        if (_head.Count + take > MaxHeadLength)
        {
            _state = State.Stopped;
            return [];
        }

        _head.AddRange(span[..take]);
        if (end < 0)
        {
            return [];
        }

        var line = CollectionsMarshal.AsSpan(_head).TrimEnd("\r\n"u8);
        if (_state == State.Trailers)
        {
            _state = line.IsEmpty ? State.Head : State.Trailers;
            _head.Clear();
            return span[take..];
        }

        var extensions = line.IndexOf((byte)';');
        var size = (extensions < 0 ? line : line[..extensions]).Trim(" \t"u8);
        var parsed = Utf8Parser.TryParse(size, out _chunkSize, out var used, 'X') && used == size.Length && !size.IsEmpty;
        _head.Clear();
        if (!parsed)
        {
            _state = State.Stopped;
            return [];
        }

        _state = _chunkSize == 0 ? State.Trailers : State.ChunkData;
        _remaining = _chunkSize;
        return span[take..];
    }

    private ReadOnlySpan<byte> ReadHead(ReadOnlySpan<byte> span)
    {
        if (_head.Count == 0)
        {
            // Empty lines before a request line are allowed (RFC 9112 2.2); a TLS record is not HTTP/1.1 text.
            var start = span.IndexOfAnyExcept((byte)'\r', (byte)'\n');
            if (start < 0)
            {
                return [];
            }

            span = span[start..];
            if (span[0] == 0x16)
            {
                _state = State.Stopped;
                return [];
            }

            // The usual case: the whole head in one read, parsed where it lies.
            var whole = span.IndexOf("\r\n\r\n"u8);
            if (whole >= 0)
            {
                OnHead(span[..whole]);
                return span[(whole + 4)..];
            }
        }

        var before = _head.Count;
        _head.AddRange(span);
        var all = CollectionsMarshal.AsSpan(_head);
        var end = all.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (_head.Count > MaxHeadLength)
            {
                _state = State.Stopped;
            }

            return [];
        }

        var rest = span[(end + 4 - before)..];
        OnHead(all[..end]);
        _head.Clear();
        return rest;
    }

    private void OnHead(ReadOnlySpan<byte> head)
    {
        var request = _requests++;
        var lineEnd = head.IndexOf("\r\n"u8);
        var requestLine = lineEnd < 0 ? head : head[..lineEnd];
        if (requestLine.IsEmpty || !requestLine[..^1].EndsWith(" HTTP/1."u8) || requestLine.StartsWith("CONNECT "u8))
        {
            _state = State.Stopped;
            return;
        }

        long? contentLength = null;
        var chunked = false;
        var upgrade = false;
        var lines = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!lines.IsEmpty)
        {
            var next = lines.IndexOf("\r\n"u8);
            var line = next < 0 ? lines : lines[..next];
            lines = next < 0 ? [] : lines[(next + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (value.IsEmpty || value.ContainsAnyExceptInRange((byte)'0', (byte)'9') || !Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length)
                {
                    BadContentLengthRequest = request;
                    _state = State.Stopped;
                    return;
                }

                contentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = value.Length >= 7 && Ascii.EqualsIgnoreCase(value[^7..], "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Upgrade"u8))
            {
                upgrade = true;
            }
        }

        if (upgrade)
        {
            // After an accepted upgrade the bytes are another protocol's; nothing more to follow.
            _state = State.Stopped;
        }
        else if (chunked)
        {
            _state = State.ChunkSize;
        }
        else if (contentLength is > 0)
        {
            _state = State.Body;
            _remaining = contentLength.Value;
        }
    }
}
