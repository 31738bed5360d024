using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Astegni.Chat.TestSupport;

namespace Astegni.Chat.Api.Tests.Http;

/// <summary>
/// Issue 8, defects 3 and 4: with the database unreachable, REST answers 503 service_unavailable with
/// Retry-After (not 500 internal_error), hub calls fail with that code, and a hub connection stays open.
/// </summary>
[NonParallelizable]
public sealed class DatabaseOutageTests
{
    private static ChatApiFactory _unreachable = null!;

    [OneTimeSetUp]
    public void StartOverAnUnreachableDatabase()
    {
        var previous = Environment.GetEnvironmentVariable("ConnectionStrings__Chat");
        var dead = new NpgsqlConnectionStringBuilder(previous) { Port = LocalProcesses.FreePort(), Timeout = 2 };
        _unreachable = new ChatApiFactory(dead.ConnectionString);
        try
        {
            _ = _unreachable.ServerAddress;
        }
        finally
        {
            // The assembly's other services read the environment when they start.
            Environment.SetEnvironmentVariable("ConnectionStrings__Chat", previous);
        }
    }

    [OneTimeTearDown]
    public async Task Stop() => await _unreachable.DisposeAsync();

    [Test]
    public async Task A_request_that_needs_the_database_is_answered_503_with_retry_after()
    {
        using var client = _unreachable.ClientFor(1);

        using var response = await client.GetAsync(new Uri("/api/chat/conversations", UriKind.Relative));

        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(problem["trace_id"]?.GetValue<string>(), Is.Not.Empty);
    }

    [Test]
    public async Task Readiness_still_says_503()
    {
        using var client = _unreachable.AnonymousClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task A_hub_connection_opened_during_the_outage_stays_open_and_its_calls_fail_with_service_unavailable()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_unreachable.ServerAddress, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(ChatApiFactory.TokenFor(1));
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var closed = new TaskCompletionSource<Exception?>();
        connection.Closed += error => { closed.TrySetResult(error); return Task.CompletedTask; };

        await connection.StartAsync();
        var refused = Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Typing", 1, true));

        Assert.That(refused!.Message, Does.Contain("service_unavailable"));
        Assert.That(await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(1))), Is.Not.SameAs(closed.Task), "the server closed the connection");
        Assert.That(connection.State, Is.EqualTo(HubConnectionState.Connected));
    }
}
