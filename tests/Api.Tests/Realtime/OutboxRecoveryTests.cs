using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Astegni.Chat.Api.Tests.Realtime;

/// <summary>
/// The service dies after a command committed and before what it had to tell was published: the next start
/// publishes it. The first service runs without its outbox dispatcher (so nothing is ever published, as if it
/// were killed right after the commit) and is stopped; a second one starts on the same database.
/// </summary>
[NonParallelizable]
public sealed class OutboxRecoveryTests
{
    private TestDatabase _db = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _db = await TestDatabase.CreateAsync("chat_outbox_recovery");

    [Test]
    public async Task AMessageCommittedButNotPublishedBeforeACrash_ReachesTheRecipientAfterTheRestart()
    {
        var abebe = await _db.AddUserAsync("Abebe");
        var almaz = await _db.AddUserAsync("Almaz");
        int messageId;
        await using (var crashed = new RecoveryHost(_db.ConnectionString, withDispatcher: false))
        {
            var sender = crashed.User(abebe);
            var conversationId = await sender.OpenDirectIdAsync(almaz);
            messageId = await sender.SendIdAsync(conversationId, "Selam, see you at 4?");
        }

        Assert.That(await _db.ScalarAsync<long>("SELECT count(*) FROM chat_outbox WHERE type = 'push'"), Is.GreaterThan(0), "committed, never published");

        // A new process is another instance: the rows of the dead one are its to take after the takeover delay,
        // which leaves time to open Almaz's phone on the restarted service first.
        await using var restarted = new RecoveryHost(_db.ConnectionString, withDispatcher: true, takeoverDelay: "00:00:03");
        await _db.ExecuteAsync("UPDATE chat_outbox SET available_at = now()");
        await using var almazPhone = await HubListener.ConnectAsync(restarted.ServerAddress, almaz, "message_created");

        var received = await almazPhone.NextAsync("message_created", TimeSpan.FromSeconds(15));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.GetProperty("message").Int("id"), Is.EqualTo(messageId));
            Assert.That(received.GetProperty("message").GetProperty("content").GetString(), Is.EqualTo("Selam, see you at 4?"));
            Assert.That(received.GetProperty("message").GetProperty("is_mine").GetBoolean(), Is.False);
        }

        Assert.That(await OutboxEmptiedAsync(), Is.True, "published rows are pruned");
    }

    private async Task<bool> OutboxEmptiedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await _db.ScalarAsync<long>("SELECT count(*) FROM chat_outbox") > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>The real service on Kestrel over this test's own database (the shared service's dispatcher must not publish for it).</summary>
    private sealed class RecoveryHost : WebApplicationFactory<Program>
    {
        private readonly bool _withDispatcher;

        public RecoveryHost(string connectionString, bool withDispatcher, string? takeoverDelay = null)
        {
            _withDispatcher = withDispatcher;
            UseKestrel(0);

            // The host reads its connection string while it is composed; the shared service started long before.
            var shared = Environment.GetEnvironmentVariable("ConnectionStrings__Chat");
            Environment.SetEnvironmentVariable("ConnectionStrings__Chat", connectionString);
            Environment.SetEnvironmentVariable("Outbox__TakeoverDelay", takeoverDelay);
            try
            {
                StartServer();
            }
            finally
            {
                Environment.SetEnvironmentVariable("ConnectionStrings__Chat", shared);
                Environment.SetEnvironmentVariable("Outbox__TakeoverDelay", null);
            }
        }

        public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public TestUser User(int userId)
        {
            var client = new HttpClient { BaseAddress = ServerAddress };
            client.DefaultRequestHeaders.Authorization = new("Bearer", ChatApiFactory.TokenFor(userId));
            return new TestUser(userId, client);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            if (!_withDispatcher)
            {
                builder.ConfigureTestServices(services =>
                {
                    var dispatcher = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "OutboxDispatcher");
                    services.Remove(dispatcher);
                });
            }
        }
    }
}
