namespace FunctionGateway.Functions;

/// <summary>
/// The folder a relative <c>Gateway:Config:Path</c> is resolved against. <c>func start</c> builds the app into
/// <c>bin/output</c> and the host starts the worker there, yet whoever writes <c>local.settings.json</c> in the
/// project folder means a path from that folder. So a build (not a publish) leaves <see cref="MarkerFile"/> in its
/// output naming the project folder, and a relative path is resolved against it; a published app, which has
/// no marker, resolves against its own folder (the publish folder; <c>/home/site/wwwroot</c> in Azure).
/// </summary>
internal static class ConfigBaseDirectory
{
    public const string MarkerFile = "gateway-project-folder.txt";

    public static string For(string appFolder)
    {
        ArgumentNullException.ThrowIfNull(appFolder);
        var marker = Path.Combine(appFolder, MarkerFile);
        if (!File.Exists(marker))
        {
            return appFolder;
        }

        // A build copied to another machine or folder names a project folder that is not there: use the app's own.
        var projectFolder = File.ReadAllText(marker).Trim();
        return projectFolder.Length > 0 && Directory.Exists(projectFolder) ? projectFolder : appFolder;
    }
}
