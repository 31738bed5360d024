using Astegni.Chat.Api.Auth;
using Microsoft.AspNetCore.SignalR;

namespace Astegni.Chat.Api.Realtime;

/// <summary>SignalR addresses users by the token's <c>sub</c>, the Astegni user id.</summary>
internal sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User.FindFirst(ChatAuthentication.SubjectClaim)?.Value;
}
