using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;
using Microsoft.AspNetCore.SignalR;

namespace Astegni.Chat.Api.Realtime;

internal sealed class SignalRRealtimePublisher(IHubContext<ChatHub> hub) : IRealtimePublisher
{
    public Task PublishAsync(IReadOnlyCollection<UserId> recipients, string eventName, object payload, CancellationToken cancellationToken) =>
        recipients.Count == 0
            ? Task.CompletedTask
            : hub.Clients.Users(recipients.Select(r => r.ToString())).SendAsync(eventName, payload, cancellationToken);
}
