using System.Buffers;
using System.IO.Pipelines;
using FunctionGateway.Engine;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FunctionGateway.Hosting;

/// <summary>
/// A Kestrel connection middleware for <c>gateway serve</c>: reads each connection's bytes through an
/// <see cref="Http1HeadScanner"/>, and tells the engine (<see cref="ConnectionFraming"/>) which request carried a
/// Content-Length that is not digits, so that the engine answers that one 400 and closes the connection.
/// </summary>
internal static class ContentLengthGuard
{
    public static void Use(ListenOptions listen) => listen.Use(next => async connection =>
    {
        var transport = connection.Transport;
        var framing = new ConnectionFraming();
        connection.Items[ConnectionFraming.Key] = framing;
        connection.Transport = new Duplex(new ScanningReader(transport.Input, new Http1HeadScanner(), framing), transport.Output);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
        }
    });

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    // Scans each byte once, when the server first reads it; consumed bytes move the scanned mark back.
    private sealed class ScanningReader(PipeReader inner, Http1HeadScanner scanner, ConnectionFraming framing) : PipeReader
    {
        private ReadOnlySequence<byte> _buffer;
        private long _scanned;

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
            Scan(await inner.ReadAsync(cancellationToken));

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
            {
                return false;
            }

            result = Scan(result);
            return true;
        }

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            _scanned -= _buffer.Slice(0, consumed).Length;
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        private ReadResult Scan(ReadResult result)
        {
            _buffer = result.Buffer;
            if (_buffer.Length > _scanned)
            {
                scanner.Feed(_buffer.Slice(_scanned));
                _scanned = _buffer.Length;
                if (scanner.BadContentLengthRequest >= 0)
                {
                    framing.MarkBadContentLength(scanner.BadContentLengthRequest);
                }
            }

            return result;
        }
    }
}
