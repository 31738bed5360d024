using Microsoft.Extensions.Options;

namespace Astegni.Chat.Infrastructure.Media;

/// <summary>With <c>Media:Storage</c> = <c>s3</c>, the service does not start on incomplete <c>Media:S3</c> settings.</summary>
internal sealed class S3MediaStorageOptionsValidation : IValidateOptions<S3MediaStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, S3MediaStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Incompleteness() is { } incomplete
            ? ValidateOptionsResult.Fail($"Media:Storage is s3, but {incomplete}.")
            : ValidateOptionsResult.Success;
    }
}
