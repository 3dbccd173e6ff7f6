using System.Buffers;
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

        var line = Encoding.ASCII.GetString([.. _head]).TrimEnd('\r', '\n');
        _head.Clear();
        if (_state == State.Trailers)
        {
            _state = line.Length == 0 ? State.Head : State.Trailers;
            return span[take..];
        }

        var size = line.Split(';')[0].Trim();
        if (!long.TryParse(size, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out _chunkSize)
            || _chunkSize < 0)
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
        }

        var before = _head.Count;
        _head.AddRange(span);
        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_head);
        var end = all.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (_head.Count > MaxHeadLength)
            {
                _state = State.Stopped;
            }

            return [];
        }

        var headLength = end + 4;
        var rest = span[(headLength - before)..];
        var head = Encoding.Latin1.GetString(all[..end]);
        _head.Clear();
        OnHead(head);
        return rest;
    }

    private void OnHead(string head)
    {
        var request = _requests++;
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || requestLine[0] == "CONNECT")
        {
            _state = State.Stopped;
            return;
        }

        long? contentLength = null;
        var chunked = false;
        var upgrade = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line.AsSpan(0, colon);
            var value = line.AsSpan(colon + 1).Trim(" \t");
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (value.IsEmpty || value.ContainsAnyExceptInRange('0', '9') || !long.TryParse(value, out var length))
                {
                    BadContentLengthRequest = request;
                    _state = State.Stopped;
                    return;
                }

                contentLength = length;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.EndsWith("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
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
