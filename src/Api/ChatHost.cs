using System.Text.Json;
using Astegni.Chat.Api.Auth;
using Astegni.Chat.Api.Endpoints;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Api.RateLimiting;
using Astegni.Chat.Api.OpenApi;
using Astegni.Chat.Api.Realtime;
using Astegni.Chat.Api.ScaleOut;
using Astegni.Chat.Application;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Behaviors;
using Astegni.Chat.Application.Calls;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Events.Outbox;
using Astegni.Chat.Application.Media;
using Astegni.Chat.Application.Media.SignedLinks;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Infrastructure;
using Astegni.Chat.Infrastructure.Legacy;
using Astegni.Chat.Infrastructure.Media;
using Astegni.Chat.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.SignalR;
using Scalar.AspNetCore;

namespace Astegni.Chat.Api;

/// <summary>Composes the service: configuration, the mediator pipeline, auth, REST, the hub.</summary>
public static class ChatHost
{
    public const string ConnectionStringName = "Chat";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsProduction())
        {
            // Structured logs for the log collector: one JSON object per line.
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.UseUtcTimestamp = true);
        }

        // Hub call failures are logged by HubCallLog: a refusal is not an error of ours.
        builder.Logging.AddFilter(HubCallLog.DispatcherCategory, LogLevel.Critical);

        var configuration = builder.Configuration;
        var services = builder.Services;
        var jwt = JwtSettings.From(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (env ConnectionStrings__{ConnectionStringName}).");
        }

        services.AddSingleton(jwt);
        services.Configure<ChatOptions>(configuration.GetSection(ChatOptions.Section));
        services.Configure<CallOptions>(configuration.GetSection(CallOptions.Section));
        services.AddHostedService<MissedCallCheck>();
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.Configure<OutboxOptions>(options => ConfigureJson(options.HubJson));
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<UnusedUploadExpiry>();
        services.Configure<LegacyOptions>(configuration.GetSection(LegacyOptions.Section));
        services.PostConfigure<LegacyOptions>(options => options.ChatEncryptionKey ??= Environment.GetEnvironmentVariable("CHAT_ENCRYPTION_KEY"));
        services.AddHostedService(provider => new LegacyWriteListener(
            ModuleConnection.Mark(connectionString), provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<ILogger<LegacyWriteListener>>()));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<IRateLimiter, InMemoryRateLimiter>();
        services.Configure<MediaOptions>(configuration.GetSection(MediaOptions.Section));
        // Signed media links: a key derived from Jwt:SigningKey, so every instance checks every other's links.
        services.AddSingleton(MediaUrlSigner.FromSecret(jwt.SigningKey));
        services.Configure<LegacyMediaUrlOptions>(configuration.GetSection(LegacyMediaUrlOptions.Section));
        services.Configure<LocalMediaStorageOptions>(options => options.Root =
            LocalMediaStorageOptions.Resolve(configuration[$"{LocalMediaStorageOptions.Section}:Root"], builder.Environment.ContentRootPath));
        services.Configure<S3MediaStorageOptions>(configuration.GetSection(S3MediaStorageOptions.Section));
        services.AddChatApplication();
        services.AddChatInfrastructure(connectionString, configuration[Infrastructure.DependencyInjection.MediaStorageKey]);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(RateLimitBehavior<,>), typeof(ValidationBehavior<,>), typeof(ConcurrencyRetryBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });

        services.AddChatAuthentication(jwt);
        services.AddChatProblemDetails();
        services.AddChatCors(configuration);
        services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        // Call signals (SDP offers) may be up to Calls:MaxSignalPayloadBytes, beyond SignalR's default 32 KB per message.
        var maxSignalBytes = configuration.GetSection(CallOptions.Section).Get<CallOptions>()?.MaxSignalPayloadBytes ?? new CallOptions().MaxSignalPayloadBytes;
        var signalR = services.AddSignalR(options =>
        {
            options.AddFilter<HubCallLog>();
            options.AddFilter<CallerFromConnection>();
            options.AddFilter<DatabaseOutageHubFilter>();
            options.MaximumReceiveMessageSize = Math.Max(32 * 1024, maxSignalBytes + (16 * 1024));
        }).AddJsonProtocol(options => ConfigureJson(options.PayloadSerializerOptions));
        if (configuration[RedisScaleOut.ConnectionKey] is { Length: > 0 } redis)
        {
            services.AddRedisScaleOut(signalR, configuration, redis);
        }

        services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        services.AddSingleton<IRealtimePublisher, SignalRRealtimePublisher>();
        services.AddSingleton<PresenceRetry>();
        services.AddChatOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        var app = builder.Build();
        app.UseRequestLog();
        app.UseChatProblemDetails();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseChatCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCallerFromToken();

        app.MapOpenApi();
        app.MapScalarApiReference(options => options.DisableDefaultFonts());
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        var api = app.MapGroup("/api/chat")
            .RequireAuthorization()
            .AddEndpointFilter<LegacyUserIdFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapConversationEndpoints()
            .MapMessageEndpoints()
            .MapBlockEndpoints()
            .MapPrivacyEndpoints()
            .MapContactEndpoints()
            .MapPresenceEndpoints()
            .MapDataEndpoints()
            .MapCallEndpoints()
            .MapMediaEndpoints()
            .MapLegacyModalEndpoints();
        app.MapHub<ChatHub>(ChatHub.Path);
        if (app.Environment.IsDevelopment())
        {
            app.MapDevEndpoints();
        }

        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new UtcTimestampConverter());
    }
}
