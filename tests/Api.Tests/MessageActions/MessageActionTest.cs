using System.Collections.Concurrent;
using System.Text.Json;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.MessageActions;

/// <summary>What message-action tests share: a group made in SQL, hub listeners, in-process sends.</summary>
public abstract class MessageActionTest : ApiTest
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A group written straight into the tables (groups are built elsewhere this round): <paramref name="admin"/>
    /// as its admin, the others as members, all joined now.
    /// </summary>
    protected static async Task<int> GroupAsync(TestUser admin, params TestUser[] members)
    {
        var id = await Db.ScalarAsync<int>(
            "INSERT INTO conversations (type, name, created_by_user_id, created_at, updated_at) VALUES ('group', 'Study group', $1, now(), now()) RETURNING id",
            admin.Id);
        await JoinAsync(id, admin, "admin");
        foreach (var member in members)
        {
            await JoinAsync(id, member, "member");
        }

        return id;
    }

    /// <summary>Adds a membership joined at this moment (a later joiner sees only what comes after).</summary>
    protected static Task JoinAsync(int conversationId, TestUser user, string role) =>
        Db.ExecuteAsync(
            """
            INSERT INTO conversation_participants
                (conversation_id, user_id, role, is_active, joined_at, is_muted, is_archived, is_pinned, created_at, updated_at)
            VALUES ($1, $2, $3, true, clock_timestamp(), false, false, false, clock_timestamp(), clock_timestamp())
            """,
            conversationId, user.Id, role);

    /// <summary>Sends a request in-process as <paramref name="user"/>, the way another Astegni module would.</summary>
    protected static async Task<TResponse> AsUserAsync<TResponse>(TestUser user, Func<ISender, ValueTask<TResponse>> send)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new UserId(user.Id));
        return await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    /// <summary>A real SignalR client for the user, recording every message-action event it receives.</summary>
    protected static async Task<HubListener> ListenAsync(TestUser user)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.ServerAddress, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(ChatApiFactory.TokenFor(user.Id));
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var listener = new HubListener(connection);
        foreach (var name in HubListener.EventNames)
        {
            connection.On<JsonElement>(name, payload => listener.Received.Add(new HubEvent(name, payload)));
        }

        await connection.StartAsync();
        return listener;
    }
}

public sealed record HubEvent(string Name, JsonElement Payload);

public sealed class HubListener(HubConnection connection) : IAsyncDisposable
{
    public static readonly string[] EventNames =
        ["message_created", "message_updated", "message_deleted", "reaction_changed", "conversation_updated"];

    public BlockingCollection<HubEvent> Received { get; } = [];

    /// <summary>The next event with this name, skipping others; fails after <paramref name="timeout"/>.</summary>
    public Task<JsonElement> NextAsync(string name, TimeSpan timeout) => Task.Run(() =>
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Received.TryTake(out var item, Remaining(deadline)))
        {
            if (item.Name == name)
            {
                return item.Payload;
            }
        }

        throw new TimeoutException($"No {name} event arrived.");
    });

    /// <summary>Waits a moment so a stray event has every chance to arrive, then lists what did.</summary>
    public async Task<List<HubEvent>> StraysAsync()
    {
        await Task.Delay(300);
        return [.. Received];
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        Received.Dispose();
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
