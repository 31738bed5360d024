namespace Astegni.Chat.Infrastructure.Media;

/// <summary>
/// Where <see cref="S3MediaStorage"/> keeps uploads (configuration <c>Media:S3</c>): a bucket of an
/// S3-compatible store (Backblaze B2, MinIO, AWS S3), addressed path-style.
/// </summary>
public sealed class S3MediaStorageOptions
{
    public const string Section = "Media:S3";

    public const string DefaultRegion = "us-east-1";

    /// <summary>The store's base URL, e.g. <c>https://s3.us-west-004.backblazeb2.com</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Created when missing (on the first upload of a process).</summary>
    public string? Bucket { get; set; }

    /// <summary>The region requests are signed for; stores with one region accept <see cref="DefaultRegion"/>.</summary>
    public string? Region { get; set; }

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>"Media:S3:Endpoint, Media:S3:Bucket are not set", or null when every required key is set.</summary>
    public string? Incompleteness()
    {
        var missing = MissingKeys();
        return missing.Count switch
        {
            0 => null,
            1 => $"{missing[0]} is not set",
            _ => $"{string.Join(", ", missing)} are not set",
        };
    }

    /// <summary>The required keys that are not set, as configuration keys (<c>Media:S3:Bucket</c>); empty when complete.</summary>
    private List<string> MissingKeys()
    {
        var missing = new List<string>();
        Require(Endpoint, nameof(Endpoint));
        Require(Bucket, nameof(Bucket));
        Require(AccessKey, nameof(AccessKey));
        Require(SecretKey, nameof(SecretKey));
        return missing;

        void Require(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add($"{Section}:{name}");
            }
        }
    }
}
