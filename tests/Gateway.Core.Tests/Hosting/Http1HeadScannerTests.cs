using System.Buffers;
using System.Text;
using FunctionGateway.Hosting;

namespace FunctionGateway.Tests.Hosting;

public class Http1HeadScannerTests
{
    private static bool Scan(params string[] reads) => BadRequest(reads) >= 0;

    private static long BadRequest(params string[] reads)
    {
        var scanner = new Http1HeadScanner();
        foreach (var read in reads)
        {
            scanner.Feed(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(read)));
        }

        return scanner.BadContentLengthRequest;
    }

    [Theory]
    [InlineData("+3")]
    [InlineData("-0")]
    [InlineData("3 3")]
    [InlineData("")]
    [InlineData("0x3")]
    public void Feed_ContentLengthNotDigits_Flagged(string value) =>
        Assert.True(Scan($"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: {value}\r\n\r\nabc"));

    [Theory]
    [InlineData("3")]
    [InlineData("003")]
    [InlineData(" 3 ")]
    public void Feed_ContentLengthDigits_NotFlagged(string value) =>
        Assert.False(Scan($"POST /a HTTP/1.1\r\nHost: x\r\ncontent-length:{value}\r\n\r\nabc"));

    [Fact]
    public void Feed_BodiesThatLookLikeHeads_NotFlagged() =>
        Assert.False(Scan(
            "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 25\r\n\r\n\r\nContent-Length: +3\r\n\r\n",
            "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n16\r\nContent-Length: +3\r\n\r\n\r\n0\r\n\r\n",
            "GET /c HTTP/1.1\r\nHost: x\r\n\r\n"));

    [Fact]
    public void Feed_LaterRequestOnTheConnection_FlaggedByItsNumber() =>
        Assert.Equal(1, BadRequest(
            "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            "POST /b HTTP/1.1\r\nHo", "st: x\r\nContent-Le", "ngth: +3\r\n\r\nabc"));

    [Theory]
    [InlineData("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003")]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")]
    [InlineData("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")]
    public void Feed_NotHttp11Text_GivesUpWithoutVerdict(string first) =>
        Assert.False(Scan(first, "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc"));
}
