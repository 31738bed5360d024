using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;

namespace Astegni.Chat.Api.Tests.ConversationActions;

/// <summary>A mute with an end runs out by itself: the service's clock is moved past the end.</summary>
public sealed class MuteExpiryTests : ApiTest
{
    private TestClock _clock = null!;
    private ClockedChatApiFactory _factory = null!;

    [OneTimeSetUp]
    public void StartClockedService()
    {
        _clock = new TestClock(DateTimeOffset.UtcNow);
        _factory = new ClockedChatApiFactory(_clock);
    }

    [OneTimeTearDown]
    public async Task StopClockedService() => await _factory.DisposeAsync();

    [Test]
    public async Task Mute_OnceItsEndHasPassed_ShowsAsNotMuted_WithoutAnyoneUnmuting()
    {
        var me = await ClockedUserAsync("Me");
        var other = await ClockedUserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await me.MuteAsync(conversationId, muted: true, _clock.GetUtcNow().AddMinutes(10)).NoContentAsync();
        var before = await me.ConversationInListAsync(conversationId);

        _clock.Advance(TimeSpan.FromMinutes(11));

        var after = await me.ConversationInListAsync(conversationId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before!["is_muted"]!.GetValue<bool>(), Is.True);
            Assert.That(after!["is_muted"]!.GetValue<bool>(), Is.False);
            Assert.That(after["muted_until"], Is.Null);
        }
    }

    [Test]
    public async Task Mute_UntilATimeAlreadyPassedByTheServiceClock_IsRefused()
    {
        var me = await ClockedUserAsync("Me");
        var other = await ClockedUserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        _clock.Advance(TimeSpan.FromHours(1));

        var response = await me.MuteAsync(conversationId, muted: true, _clock.GetUtcNow().AddMinutes(-30));

        await response.ProblemAsync(System.Net.HttpStatusCode.BadRequest, "mute_until_in_past");
    }

    private async Task<TestUser> ClockedUserAsync(string firstName)
    {
        var id = await Db.AddUserAsync(firstName);
        return new TestUser(id, _factory.ClientFor(id));
    }

    private sealed class TestClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>The same service over the same database, with the test's clock in place of the system's.</summary>
    private sealed class ClockedChatApiFactory : WebApplicationFactory<Program>
    {
        private readonly TimeProvider _clock;

        public ClockedChatApiFactory(TimeProvider clock)
        {
            _clock = clock;
            UseKestrel(0);
        }

        public HttpClient ClientFor(int userId)
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChatApiFactory.TokenFor(userId));
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseEnvironment("Testing").ConfigureTestServices(services => services.AddSingleton(_clock));
    }
}
