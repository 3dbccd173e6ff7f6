namespace FunctionGateway.Cli;

/// <summary>Plain text columns padded with spaces, so the output reads aligned and stays easy to grep and cut.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public void Add(params string[] cells) => _rows.Add(cells);

    public async Task WriteAsync(TextWriter output)
    {
        var widths = new int[headers.Length];
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in _rows)
        {
            // The last column is not padded: no trailing spaces.
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            await output.WriteLineAsync(string.Join("  ", cells));
        }
    }
}
