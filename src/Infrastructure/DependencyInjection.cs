using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Calls;
using Astegni.Chat.Application.Legacy;
using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Messages.SearchMessages;
using Astegni.Chat.Infrastructure.Calls;
using Astegni.Chat.Infrastructure.Directories;
using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.Infrastructure.Media;
using Astegni.Chat.Infrastructure.Outbox;
using Astegni.Chat.Infrastructure.Persistence;
using Astegni.Chat.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Infrastructure;

public static class DependencyInjection
{
    /// <summary>The configuration key choosing where media bytes live: <c>local</c> (the default) or <c>s3</c>.</summary>
    public const string MediaStorageKey = "Media:Storage";

    /// <param name="mediaStorage">The value of <see cref="MediaStorageKey"/>; another than local or s3 fails here, at start.</param>
    public static IServiceCollection AddChatInfrastructure(this IServiceCollection services, string connectionString, string? mediaStorage = null)
    {
        // No automatic preparation (Npgsql's "Max Auto Prepare") unless the operator asks for it: in
        // Npgsql 10.0.3, when the execution that auto-prepares a statement fails (a unique violation, a
        // value too long), the statement stays marked prepared without its row description, and its next
        // run on that connection fails with "unexpected backend message DataRow" (npgsql/npgsql#6391).
        services.AddDbContext<ChatDbContext>(options =>
            ChatDbContextOptions.Configure((DbContextOptionsBuilder<ChatDbContext>)options, connectionString));
        services.AddScoped<IChatDbContext>(sp => sp.GetRequiredService<ChatDbContext>());
        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddSingleton<OutboxInstance>();
        services.AddScoped<IOutboxStore, PostgresOutboxStore>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IConnectionDirectory, ConnectionDirectory>();
        services.AddScoped<IProfileDirectory, ProfileDirectory>();
        services.AddSingleton<IMessageSearch, PostgresMessageSearch>();
        services.AddScoped<IRowLocks, PostgresRowLocks>();
        services.AddScoped<ICallLogStore, PostgresCallLogStore>();
        services.AddScoped<ILegacyWriteFeed, PostgresLegacyWriteFeed>();
        AddMediaStorage(services, mediaStorage);
        return services;
    }

    private static void AddMediaStorage(IServiceCollection services, string? mediaStorage)
    {
        switch (mediaStorage?.Trim().ToLowerInvariant())
        {
            case null or "" or "local":
                services.AddSingleton<IMediaStorage, LocalMediaStorage>();
                break;
            case "s3":
                services.AddSingleton<IValidateOptions<S3MediaStorageOptions>, S3MediaStorageOptionsValidation>();
                services.AddOptions<S3MediaStorageOptions>().ValidateOnStart();
                services.AddSingleton<IMediaStorage, S3MediaStorage>();
                break;
            default:
                throw new InvalidOperationException($"{MediaStorageKey} is '{mediaStorage}'; it takes local (the default) or s3.");
        }
    }
}
