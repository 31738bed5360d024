namespace Astegni.Chat.Infrastructure.Media;

/// <summary>Where <see cref="LocalMediaStorage"/> keeps uploads (configuration <c>Media:Root</c>).</summary>
public sealed class LocalMediaStorageOptions
{
    public const string Section = "Media";

    private const string SolutionFile = "Astegni.Chat.sln";

    /// <summary>The directory; relative paths are taken from the content root. Created when missing.</summary>
    public string? Root { get; set; }

    /// <summary>
    /// <paramref name="configuredRoot"/> made absolute against <paramref name="contentRoot"/>. Unset, it is
    /// <c>.data/media</c> of the repository the service runs from (ignored by git), or of the content root
    /// outside a repository.
    /// </summary>
    public static string Resolve(string? configuredRoot, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configuredRoot))
        {
            return Path.GetFullPath(configuredRoot, contentRoot);
        }

        var directory = new DirectoryInfo(contentRoot);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile)))
        {
            directory = directory.Parent;
        }

        return Path.Combine((directory ?? new DirectoryInfo(contentRoot)).FullName, ".data", "media");
    }
}
