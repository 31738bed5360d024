using System.Diagnostics;
using System.Text.Json.Nodes;
using Astegni.Chat.Api.Tests.RealtimeData;
using Astegni.Chat.Application.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Realtime;

/// <summary>The <c>Typing</c> hub method: relayed live to the other members allowed to see it, and to nobody else.</summary>
public sealed class TypingTests : ApiTest
{
    private const string Typing = "typing";

    // Tests end the indicators they start; this waits for the disconnections (and any indicator a
    // failed test left) so nothing reaches the next test's users, whose ids are reused.
    [TearDown]
    public Task LetIndicatorsEnd() => Factory.WaitUntilQuietAsync();

    [Test]
    public async Task Typing_ReachesTheOtherPerson_ButNotMyOtherDevice_NorAnOutsider()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var outsider = await UserAsync("Outsider");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);
        await using var myLaptop = await HubListener.ConnectAsync(me.Id, Typing);
        await using var otherPhone = await HubListener.ConnectAsync(other.Id, Typing);
        await using var outsiderPhone = await HubListener.ConnectAsync(outsider.Id, Typing);

        await myPhone.TypingAsync(conversationId, true);

        var received = await otherPhone.NextAsync(Typing);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.Int("conversation_id"), Is.EqualTo(conversationId));
            Assert.That(received.Int("user_id"), Is.EqualTo(me.Id));
            Assert.That(received.GetProperty("is_typing").GetBoolean(), Is.True);
        }

        await Task.Delay(HubListener.Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(myLaptop.All(Typing), Is.Empty, "the typer is not told they type");
            Assert.That(myPhone.All(Typing), Is.Empty);
            Assert.That(outsiderPhone.All(Typing), Is.Empty);
        }

        await myPhone.TypingAsync(conversationId, false);
    }

    [Test]
    public async Task StoppedTyping_ClearsTheIndicatorAtOnce()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);
        await using var otherPhone = await HubListener.ConnectAsync(other.Id, Typing);

        await myPhone.TypingAsync(conversationId, true);
        await otherPhone.NextAsync(Typing);
        await myPhone.TypingAsync(conversationId, false);

        var stopped = await otherPhone.NextAsync(Typing, TimeSpan.FromSeconds(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stopped.Int("user_id"), Is.EqualTo(me.Id));
            Assert.That(stopped.GetProperty("is_typing").GetBoolean(), Is.False);
        }
    }

    [Test]
    public async Task StoppedTyping_WithoutAnIndicatorShown_SendsNothing()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);
        await using var otherPhone = await HubListener.ConnectAsync(other.Id, Typing);

        await myPhone.TypingAsync(conversationId, false);

        await Task.Delay(HubListener.Quiet);
        Assert.That(otherPhone.All(Typing), Is.Empty);
    }

    [Test]
    public async Task Typing_InAGroup_ReachesEveryOtherActiveMember_ButNotOneWhoLeft()
    {
        var me = await UserAsync("Me");
        var first = await UserAsync("First");
        var second = await UserAsync("Second");
        var former = await UserAsync("Former");
        var groupId = await Db.InsertGroupAsync("Physics study group", me.Id, first.Id, second.Id, former.Id);
        await Db.ExecuteAsync("UPDATE conversation_participants SET is_active = false, left_at = now() WHERE user_id = $1", former.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);
        await using var firstPhone = await HubListener.ConnectAsync(first.Id, Typing);
        await using var secondPhone = await HubListener.ConnectAsync(second.Id, Typing);
        await using var formerPhone = await HubListener.ConnectAsync(former.Id, Typing);

        await myPhone.TypingAsync(groupId, true);

        Assert.That((await firstPhone.NextAsync(Typing)).Int("conversation_id"), Is.EqualTo(groupId));
        Assert.That((await secondPhone.NextAsync(Typing)).Int("user_id"), Is.EqualTo(me.Id));
        await Task.Delay(HubListener.Quiet);
        Assert.That(formerPhone.All(Typing), Is.Empty);
        await myPhone.TypingAsync(groupId, false);
    }

    [Test]
    public async Task Typing_NeverCrossesABlock_InEitherDirection()
    {
        var me = await UserAsync("Me");
        var blockedMe = await UserAsync("BlockedMe");
        var iBlocked = await UserAsync("IBlocked");
        var friend = await UserAsync("Friend");
        var groupId = await Db.InsertGroupAsync("Chemistry", me.Id, blockedMe.Id, iBlocked.Id, friend.Id);
        await blockedMe.BlockAsync(me.Id);
        await me.BlockAsync(iBlocked.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);
        await using var blockedMePhone = await HubListener.ConnectAsync(blockedMe.Id, Typing);
        await using var iBlockedPhone = await HubListener.ConnectAsync(iBlocked.Id, Typing);
        await using var friendPhone = await HubListener.ConnectAsync(friend.Id, Typing);

        await myPhone.TypingAsync(groupId, true);
        await blockedMePhone.TypingAsync(groupId, true);
        await iBlockedPhone.TypingAsync(groupId, true);

        await friendPhone.NextAsync(Typing);
        await Task.Delay(HubListener.Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(friendPhone.All(Typing).Select(e => e.Int("user_id")), Is.EquivalentTo(new[] { me.Id, blockedMe.Id, iBlocked.Id }));
            Assert.That(blockedMePhone.All(Typing).Select(e => e.Int("user_id")), Does.Not.Contain(me.Id), "who blocked me never sees me type");
            Assert.That(iBlockedPhone.All(Typing).Select(e => e.Int("user_id")), Does.Not.Contain(me.Id), "whom I blocked never sees me type");
            Assert.That(myPhone.All(Typing), Is.Empty, "nor do I see them type");
        }

        foreach (var phone in new[] { myPhone, blockedMePhone, iBlockedPhone })
        {
            await phone.TypingAsync(groupId, false);
        }
    }

    [Test]
    public async Task Typing_WhenMyTypingIndicatorsAreOff_ReachesNobody()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await me.PutSettingsAsync(new JsonObject { ["typing_indicators"] = false });
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);
        await using var otherPhone = await HubListener.ConnectAsync(other.Id, Typing);

        await myPhone.TypingAsync(conversationId, true);
        await otherPhone.TypingAsync(conversationId, true);

        await myPhone.NextAsync(Typing);
        await Task.Delay(HubListener.Quiet);
        Assert.That(otherPhone.All(Typing), Is.Empty, "my setting hides my typing; theirs is on, so I see them");
        await otherPhone.TypingAsync(conversationId, false);
    }

    [Test]
    public async Task Typing_ByANonMember_IsRefusedAsNotFound_AndReachesNobody()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var intruder = await UserAsync("Intruder");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);
        await using var otherPhone = await HubListener.ConnectAsync(other.Id, Typing);
        await using var intruderPhone = await HubListener.ConnectAsync(intruder.Id, Typing);

        var intoTheirs = Assert.ThrowsAsync<HubException>(() => intruderPhone.TypingAsync(conversationId, true));
        var intoNothing = Assert.ThrowsAsync<HubException>(() => intruderPhone.TypingAsync(conversationId + 1000, true));

        await Task.Delay(HubListener.Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(intoTheirs!.Message, Does.Contain("conversation_not_found"));
            Assert.That(intoNothing!.Message, Does.Contain("conversation_not_found"), "the same answer: existence is not revealed");
            Assert.That(myPhone.All(Typing), Is.Empty);
            Assert.That(otherPhone.All(Typing), Is.Empty);
        }
    }

    [TestCase(0)]
    [TestCase(-3)]
    public async Task Typing_WithAnInvalidConversationId_IsRefusedWithACode(int conversationId)
    {
        var me = await UserAsync("Me");
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);

        var refused = Assert.ThrowsAsync<HubException>(() => myPhone.TypingAsync(conversationId, true));

        Assert.That(refused!.Message, Does.Contain("invalid_conversation_id"));
    }

    [Test]
    public async Task Typing_WithArgumentsOfTheWrongType_FailsThatCallOnly_AndTheConnectionStaysUsable()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await using var myPhone = await HubListener.ConnectAsync(me.Id, Typing);
        await using var otherPhone = await HubListener.ConnectAsync(other.Id, Typing);

        Assert.ThrowsAsync<HubException>(() => myPhone.InvokeRawAsync("Typing", "seven", "yes"));
        await myPhone.TypingAsync(conversationId, true);

        Assert.That((await otherPhone.NextAsync(Typing)).Int("user_id"), Is.EqualTo(me.Id));
        await myPhone.TypingAsync(conversationId, false);
    }
}

/// <summary>Indicators expire by themselves; a service with a short <see cref="ChatOptions.TypingTimeout"/> proves it quickly.</summary>
public sealed class TypingExpiryTests : ApiTest
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private ShortTypingTimeoutFactory _service = null!;

    [OneTimeSetUp]
    public void StartService() => _service = new ShortTypingTimeoutFactory(Timeout);

    [OneTimeTearDown]
    public async Task StopService() => await _service.DisposeAsync();

    [Test]
    public async Task Typing_WithoutANewSignal_ClearsByItselfAfterTheTimeout()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await using var myPhone = await HubListener.ConnectAsync(_service.ServerAddress, me.Id, "typing");
        await using var otherPhone = await HubListener.ConnectAsync(_service.ServerAddress, other.Id, "typing");

        var clock = Stopwatch.StartNew();
        await myPhone.TypingAsync(conversationId, true);
        var started = await otherPhone.NextAsync("typing");
        var cleared = await otherPhone.NextAsync("typing", Timeout + HubListener.Patience);
        var after = clock.Elapsed;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(started.GetProperty("is_typing").GetBoolean(), Is.True);
            Assert.That(cleared.GetProperty("is_typing").GetBoolean(), Is.False);
            Assert.That(cleared.Int("user_id"), Is.EqualTo(me.Id));
            Assert.That(cleared.Int("conversation_id"), Is.EqualTo(conversationId));
            Assert.That(after, Is.GreaterThanOrEqualTo(Timeout * 0.9), "not before the timeout");
        }
    }

    private sealed class ShortTypingTimeoutFactory : WebApplicationFactory<Program>
    {
        private readonly TimeSpan _typingTimeout;

        // The connection string and signing key come from the environment ChatApiFactory set for the assembly.
        public ShortTypingTimeoutFactory(TimeSpan typingTimeout)
        {
            _typingTimeout = typingTimeout;
            UseKestrel(0);
        }

        public Uri ServerAddress
        {
            get
            {
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
                return new Uri(addresses.Addresses.First());
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureTestServices(services => services.Configure<ChatOptions>(o => o.TypingTimeout = _typingTimeout));
        }
    }
}
