using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// Live events for the signed-in user. Each connection is addressed through its user (the token's
/// subject), so every device of a user receives what is meant for them and nobody else does.
/// </summary>
[Authorize]
public sealed class ChatHub : Hub
{
    public const string Path = "/hubs/chat";
}
