using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.MessageActions;

/// <summary>
/// The edit / delete-for-everyone window through the real routes, on a second host over the same
/// database whose clock the test moves. (The rule itself, to the second, is in the domain tests.)
/// </summary>
public sealed class EditWindowTests : ApiTest
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);

    private TestClock _clock = null!;
    private ClockedChatApiFactory _host = null!;

    [OneTimeSetUp]
    public void StartClockedHost()
    {
        // Days in the past, so that tokens (checked against real time) stay valid after moving the clock on.
        _clock = new TestClock(DateTimeOffset.UtcNow.AddDays(-5));
        _host = new ClockedChatApiFactory(_clock);
    }

    [OneTimeTearDown]
    public async Task StopClockedHost() => await _host.DisposeAsync();

    [SetUp]
    public void RewindClock() => _clock.Reset();

    private async Task<(TestUser Author, TestUser Other, int MessageId)> SentMessageAsync()
    {
        var author = await ClockedUserAsync("Author");
        var other = await ClockedUserAsync("Other");
        var conversationId = await author.OpenDirectIdAsync(other.Id);
        var messageId = await author.SendIdAsync(conversationId, "sent at the start of the window");
        return (author, other, messageId);
    }

    private async Task<TestUser> ClockedUserAsync(string name)
    {
        var id = await Db.AddUserAsync(name);
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ChatApiFactory.TokenFor(id));
        return new TestUser(id, client);
    }

    [Test]
    public async Task Edit_JustBeforeTheWindowCloses_IsAccepted()
    {
        var (author, _, messageId) = await SentMessageAsync();
        _clock.Advance(Window - TimeSpan.FromMinutes(1));

        var response = await author.EditAsync(messageId, "still in time");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Edit_AfterTheWindow_IsRefused_AndKeepsTheText()
    {
        var (author, _, messageId) = await SentMessageAsync();
        _clock.Advance(Window + TimeSpan.FromMinutes(1));

        var response = await author.EditAsync(messageId, "too late");

        await response.ProblemAsync(HttpStatusCode.Forbidden, "edit_window_passed");
        Assert.That(
            await Db.ScalarAsync<string>("SELECT content FROM chat_messages WHERE id = $1", messageId),
            Is.EqualTo("sent at the start of the window"));
    }

    [Test]
    public async Task EditedAt_ComesFromTheServiceClock()
    {
        var (author, _, messageId) = await SentMessageAsync();
        _clock.Advance(TimeSpan.FromHours(3));

        var edited = (await (await author.EditAsync(messageId, "later")).JsonAsync(HttpStatusCode.OK))["message"]!;

        Assert.That(DateTimeOffset.Parse(edited["edited_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(_clock.GetUtcNow()).Within(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task DeleteForEveryone_AfterTheWindow_IsRefused_ButDeleteForMeStillWorks()
    {
        var (author, other, messageId) = await SentMessageAsync();
        _clock.Advance(Window + TimeSpan.FromMinutes(1));

        var forEveryone = await author.DeleteMessageAsync(messageId, "everyone");
        var forMe = await author.DeleteMessageAsync(messageId, "me");

        await forEveryone.ProblemAsync(HttpStatusCode.Forbidden, "delete_window_passed");
        await forMe.NoContentAsync();
        var conversationId = await Db.ScalarAsync<int>("SELECT conversation_id FROM chat_messages WHERE id = $1", messageId);
        Assert.That((await other.SeenAsync(conversationId, messageId))!["content"]!.GetValue<string>(), Is.EqualTo("sent at the start of the window"));
    }

    [Test]
    public async Task DeleteForEveryone_WithinTheWindow_IsAccepted()
    {
        var (author, _, messageId) = await SentMessageAsync();
        _clock.Advance(Window - TimeSpan.FromMinutes(1));

        await (await author.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();
    }

    [Test]
    public async Task DeleteForEveryone_ByAGroupAdmin_LongAfterTheWindow_IsAccepted()
    {
        var admin = await ClockedUserAsync("Admin");
        var member = await ClockedUserAsync("Member");
        var groupId = await Db.ScalarAsync<int>(
            "INSERT INTO conversations (type, name, created_by_user_id, created_at, updated_at) VALUES ('group', 'Class', $1, $2, $2) RETURNING id",
            admin.Id, _clock.GetUtcNow());
        foreach (var (user, role) in new[] { (admin, "admin"), (member, "member") })
        {
            await Db.ExecuteAsync(
                """
                INSERT INTO conversation_participants
                    (conversation_id, user_id, role, is_active, joined_at, is_muted, is_archived, is_pinned, created_at, updated_at)
                VALUES ($1, $2, $3, true, $4, false, false, false, $4, $4)
                """,
                groupId, user.Id, role, _clock.GetUtcNow());
        }

        var messageId = await member.SendIdAsync(groupId, "old spam");
        _clock.Advance(TimeSpan.FromDays(4));

        await (await admin.DeleteMessageAsync(messageId, "everyone")).NoContentAsync();
        await (await member.DeleteMessageAsync(await member.SendIdAsync(groupId, "fresh"), "everyone")).NoContentAsync();
    }

    /// <summary>The service with its <see cref="TimeProvider"/> replaced; everything else as configured for the tests.</summary>
    private sealed class ClockedChatApiFactory(TimeProvider clock) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    /// <summary>A clock that stands still until the test moves it.</summary>
    private sealed class TestClock : TimeProvider
    {
        private readonly DateTimeOffset _start;
        private DateTimeOffset _now;

        public TestClock(DateTimeOffset start) => _now = _start = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;

        public void Reset() => _now = _start;
    }
}
