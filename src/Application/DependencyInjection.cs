using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Application.Presence;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Astegni.Chat.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The use cases' collaborators. The host adds the mediator itself (its source generator runs in
    /// the host) with the behaviours in <c>Behaviors/</c> as its pipeline.
    /// </summary>
    public static IServiceCollection AddChatApplication(this IServiceCollection services)
    {
        // Messages name fields as clients send them: "who_can_message must be one of ...".
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name);
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton(typeof(IValidator<>), typeof(StorableTextValidator<>));
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<PolicyFacts>();
        // The host provides the MediaUrlSigner, whose key is a secret of its configuration.
        services.AddSingleton<Media.SignedLinks.SignedMediaUrls>();
        services.AddOptions<Events.Outbox.OutboxOptions>();
        services.AddSingleton<Events.Outbox.OutboxSerializer>();
        services.AddSingleton<Events.Outbox.OutboxSignal>();
        services.AddScoped<Events.Outbox.CommandOutbox>();
        services.AddScoped<Events.Outbox.OutboxRelay>();
        services.AddSingleton<TypingTracker>();
        services.AddSingleton<ITypingBoard, InMemoryTypingBoard>();
        services.AddSingleton<InMemoryPresenceStore>();
        services.AddSingleton<IPresenceStore>(sp => sp.GetRequiredService<InMemoryPresenceStore>());
        services.AddScoped<PresenceBroadcaster>();
        return services;
    }
}
