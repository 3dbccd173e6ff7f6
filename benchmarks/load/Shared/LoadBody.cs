namespace FunctionGateway.Load;

/// <summary>The JSON every server of the load run answers with: the upstream, nginx, the gateway's static route, the minimal endpoint.</summary>
internal static class LoadBody
{
    public const string Json = """{"id":42,"name":"widget","price":9.5,"tags":["load","test"],"in_stock":true}""";

    public static readonly byte[] Utf8 = System.Text.Encoding.UTF8.GetBytes(Json);
}
