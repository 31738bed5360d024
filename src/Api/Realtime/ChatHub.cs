using System.Text.Json;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Calls.SendCallSignal;
using Astegni.Chat.Application.Conversations.SignalTyping;
using Astegni.Chat.Application.Presence;
using Astegni.Chat.Application.Presence.GoOffline;
using Astegni.Chat.Application.Presence.GoOnline;
using Astegni.Chat.Application.RateLimits;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Astegni.Chat.Api.Realtime;

/// <summary>
/// Live events for the signed-in user. Each connection is addressed through its user (the token's
/// subject), so every device of a user receives what is meant for them and nobody else does.
/// The caller of every method is the connection's user (<see cref="CallerFromConnection"/>).
/// </summary>
[Authorize]
public sealed class ChatHub(
    ISender sender, ICurrentUser currentUser, IPresenceStore presence, IOptions<RateLimitOptions> limits, PresenceRetry presenceRetry,
    ILogger<ChatHub> logger) : Hub
{
    public const string Path = "/hubs/chat";

    private const string OverCap = "over_connection_cap";

    // Connections are counted here, not inside the commands: the count must follow the connections
    // exactly, even when a command fails before its handler runs (database unreachable, pool exhausted).
    public override async Task OnConnectedAsync()
    {
        var opening = await presence.OpenAsync(currentUser.Id, Context.ConnectionId, ConnectionCap, Context.ConnectionAborted);
        if (opening == ConnectionOpening.Refused)
        {
            // Over the per-user cap: closed at once, counted nowhere (OnDisconnectedAsync sees the mark).
            Context.Items[OverCap] = true;
            Context.Abort();
            return;
        }

        if (opening != ConnectionOpening.CameOnline)
        {
            return;
        }

        try
        {
            await sender.Send(new GoOnline(), CancellationToken.None);
        }
        catch (Exception exception) when (DatabaseOutage.IsOutage(exception))
        {
            // Closing the connection would lose it for good (clients do not reconnect after a server
            // close); keep it and announce the user once the database answers again.
            presenceRetry.GoOnlineLater(currentUser.Id);
        }
        catch
        {
            // SignalR closes a connection whose OnConnectedAsync failed without calling OnDisconnectedAsync.
            await presence.CloseAsync(currentUser.Id, Context.ConnectionId, CancellationToken.None);
            throw;
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.ContainsKey(OverCap)
            || !await presence.CloseAsync(currentUser.Id, Context.ConnectionId, CancellationToken.None))
        {
            return;
        }

        try
        {
            await sender.Send(new GoOffline(), CancellationToken.None);
        }
        catch (Exception outage) when (DatabaseOutage.IsOutage(outage))
        {
            // The user is offline in the presence store already; only the last-seen time is not written. One line, no stack trace.
            logger.LogWarning("Database unreachable while recording user {UserId} offline: {Reason}",
                currentUser.Id.Value, outage.GetBaseException().Message);
        }
    }

    // Every message fans out to each connection, so an unbounded number would let one script multiply the service's work.
    private int? ConnectionCap => limits.Value.Enabled ? limits.Value.HubConnectionsPerUser : null;

    /// <summary>Client → server: I am typing in this conversation (<paramref name="isTyping"/>), or I stopped.</summary>
    public async Task Typing(int conversationId, bool isTyping) =>
        ThrowIfRefused(await sender.Send(new SignalTyping(conversationId, isTyping), Context.ConnectionAborted));

    /// <summary>
    /// Client → server: a WebRTC signal (<paramref name="kind"/> <c>offer</c>, <c>answer</c>, <c>ice_candidate</c> or
    /// <c>renegotiate</c>) for a call I take part in, relayed to its other participants as <c>call_signal</c> with me as
    /// the sender. There is no sender argument: the connection's user is the sender.
    /// </summary>
    public async Task SendCallSignal(int callId, string kind, JsonElement payload) =>
        ThrowIfRefused(await sender.Send(new SendCallSignal(callId, kind, payload), Context.ConnectionAborted));

    // The client's invocation fails with the refusal's stable code (the same as over REST, e.g.
    // conversation_not_found for a conversation that does not exist or is not mine).
    private static void ThrowIfRefused(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new HubException(result.Error.Code);
        }
    }
}
