using System.Net;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.ConversationActions;

/// <summary>Read positions travel only between people who both share read receipts and have no block between them.</summary>
public sealed class ReadReceiptTests : ApiTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    // Long enough for a stray hub event to arrive before concluding none was sent.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    [Test]
    public async Task ReadStatus_WhenBothShareReadReceipts_ShowsEachPosition()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var first = await me.SendIdAsync(conversationId, "one");
        var second = await other.SendIdAsync(conversationId, "two");
        await other.MarkReadAsync(conversationId, first).NoContentAsync();
        await me.MarkReadAsync(conversationId, second).NoContentAsync();

        var status = await ReadStatusAsync(me, conversationId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.Ids("user_id"), Is.EqualTo(new[] { me.Id, other.Id }));
            Assert.That(PositionOf(status, other.Id)["last_read_message_id"]!.GetValue<int>(), Is.EqualTo(first));
            Assert.That(PositionOf(status, other.Id)["last_read_at"]!.GetValue<string>(), Does.EndWith("Z"));
            Assert.That(PositionOf(status, me.Id)["last_read_message_id"]!.GetValue<int>(), Is.EqualTo(second));
        }
    }

    [Test]
    public async Task ReadStatus_OfSomeoneWhoReadNothing_HasNoPosition()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        var status = await ReadStatusAsync(me, conversationId);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(PositionOf(status, other.Id)["last_read_message_id"], Is.Null);
            Assert.That(PositionOf(status, other.Id)["last_read_at"], Is.Null);
        }
    }

    [Test]
    public async Task ReadStatus_WhenTheReaderTurnedReceiptsOff_HidesTheirPosition_ButTheyStillSeeTheirOwn()
    {
        var me = await UserAsync("Me");
        var reader = await UserAsync("Reader");
        var conversationId = await me.OpenDirectIdAsync(reader.Id);
        var message = await me.SendIdAsync(conversationId, "did you read this?");
        await reader.MarkReadAsync(conversationId, message).NoContentAsync();

        await SetReadReceiptsAsync(reader, false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ReadStatusAsync(me, conversationId)).Ids("user_id"), Is.EqualTo(new[] { me.Id }));
            Assert.That(PositionOf(await ReadStatusAsync(reader, conversationId), reader.Id)["last_read_message_id"]!.GetValue<int>(), Is.EqualTo(message));
        }
    }

    [Test]
    public async Task ReadStatus_WhenTheViewerTurnedReceiptsOff_HidesOthersPositionsFromThem_ReceiptsAreMutual()
    {
        var me = await UserAsync("Me");
        var reader = await UserAsync("Reader");
        var conversationId = await me.OpenDirectIdAsync(reader.Id);
        var message = await me.SendIdAsync(conversationId, "hello");
        await reader.MarkReadAsync(conversationId, message).NoContentAsync();

        await SetReadReceiptsAsync(me, false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ReadStatusAsync(me, conversationId)).Ids("user_id"), Is.EqualTo(new[] { me.Id }));
            Assert.That((await ReadStatusAsync(reader, conversationId)).Ids("user_id"), Is.EqualTo(new[] { reader.Id }));
        }
    }

    [Test]
    public async Task ReadStatus_AcrossABlock_HidesPositionsBothWays()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var message = await me.SendIdAsync(conversationId, "hello");
        await other.MarkReadAsync(conversationId, message).NoContentAsync();

        (await other.BlockAsync(me.Id)).EnsureSuccessStatusCode();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await ReadStatusAsync(me, conversationId)).Ids("user_id"), Is.EqualTo(new[] { me.Id }));
            Assert.That((await ReadStatusAsync(other, conversationId)).Ids("user_id"), Is.EqualTo(new[] { other.Id }));
        }
    }

    [Test]
    public async Task ReadStatus_InAGroup_ShowsOnlyMembersWhoShare_AndNotFormerMembers()
    {
        var me = await UserAsync("Me");
        var sharing = await UserAsync("Sharing");
        var private_ = await UserAsync("Private");
        var former = await UserAsync("Former");
        var groupId = await Db.GroupAsync("Grade 12 Maths", me.Id, sharing.Id, private_.Id, former.Id);
        await SetReadReceiptsAsync(private_, false);
        await Db.ExecuteAsync("UPDATE conversation_participants SET is_active = false WHERE conversation_id = $1 AND user_id = $2", groupId, former.Id);

        var status = await ReadStatusAsync(me, groupId);

        Assert.That(status.Ids("user_id"), Is.EqualTo(new[] { me.Id, sharing.Id }));
    }

    [Test]
    public async Task ReadStatus_OfSomeoneElsesConversation_IsNotFound()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var stranger = await UserAsync("Stranger");
        var conversationId = await a.OpenDirectIdAsync(b.Id);

        var response = await stranger.Http.GetAsync(new Uri($"/api/chat/conversations/{conversationId}/read-status", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }

    [Test]
    public async Task MarkRead_PushesReadUpdated_ToTheOtherMemberAndMyOtherDevice_ButNoOutsider()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var outsider = await UserAsync("Outsider");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var message = await other.SendIdAsync(conversationId, "read me");
        await using var otherPhone = await ListenAsync(other.Id);
        await using var myLaptop = await ListenAsync(me.Id);
        await using var outsiderPhone = await ListenAsync(outsider.Id);

        await me.MarkReadAsync(conversationId, message).NoContentAsync();

        var seenByOther = await otherPhone.NextAsync(Patience);
        var seenByMe = await myLaptop.NextAsync(Patience);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seenByOther.GetProperty("conversation_id").GetInt32(), Is.EqualTo(conversationId));
            Assert.That(seenByOther.GetProperty("user_id").GetInt32(), Is.EqualTo(me.Id));
            Assert.That(seenByOther.GetProperty("last_read_message_id").GetInt32(), Is.EqualTo(message));
            Assert.That(seenByMe.GetProperty("last_read_message_id").GetInt32(), Is.EqualTo(message));
        }

        await Task.Delay(Quiet);
        Assert.That(outsiderPhone.Received, Is.Empty);
    }

    [Test]
    public async Task MarkRead_WithMyReceiptsOff_ReachesOnlyMyOwnDevices()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var message = await other.SendIdAsync(conversationId, "read me");
        await SetReadReceiptsAsync(me, false);
        await using var otherPhone = await ListenAsync(other.Id);
        await using var myLaptop = await ListenAsync(me.Id);

        await me.MarkReadAsync(conversationId, message).NoContentAsync();

        Assert.That((await myLaptop.NextAsync(Patience)).GetProperty("last_read_message_id").GetInt32(), Is.EqualTo(message));
        await Task.Delay(Quiet);
        Assert.That(otherPhone.Received, Is.Empty);
    }

    [Test]
    public async Task MarkRead_IsNotPushedToAMemberWhoTurnedTheirReceiptsOff()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var message = await other.SendIdAsync(conversationId, "read me");
        await SetReadReceiptsAsync(other, false);
        await using var otherPhone = await ListenAsync(other.Id);
        await using var myLaptop = await ListenAsync(me.Id);

        await me.MarkReadAsync(conversationId, message).NoContentAsync();

        await myLaptop.NextAsync(Patience);
        await Task.Delay(Quiet);
        Assert.That(otherPhone.Received, Is.Empty);
    }

    [Test]
    public async Task MarkRead_IsNotPushedAcrossABlock()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var message = await other.SendIdAsync(conversationId, "read me");
        (await me.BlockAsync(other.Id)).EnsureSuccessStatusCode();
        await using var otherPhone = await ListenAsync(other.Id);
        await using var myLaptop = await ListenAsync(me.Id);

        await me.MarkReadAsync(conversationId, message).NoContentAsync();

        await myLaptop.NextAsync(Patience);
        await Task.Delay(Quiet);
        Assert.That(otherPhone.Received, Is.Empty);
    }

    [Test]
    public async Task MarkRead_WhenThePositionDoesNotMove_PushesNothing()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        var first = await other.SendIdAsync(conversationId, "one");
        var second = await other.SendIdAsync(conversationId, "two");
        await me.MarkReadAsync(conversationId, second).NoContentAsync();
        await using var otherPhone = await ListenAsync(other.Id);
        await using var myLaptop = await ListenAsync(me.Id);

        await me.MarkReadAsync(conversationId, first).NoContentAsync();
        await me.MarkReadAsync(conversationId, second).NoContentAsync();

        await Task.Delay(Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(otherPhone.Received, Is.Empty);
            Assert.That(myLaptop.Received, Is.Empty);
        }
    }

    [Test]
    public async Task MarkRead_InAGroup_ReachesOnlyMembersAllowedToSeeIt()
    {
        var me = await UserAsync("Me");
        var sharing = await UserAsync("Sharing");
        var private_ = await UserAsync("Private");
        var blocker = await UserAsync("Blocker");
        var groupId = await Db.GroupAsync("Chemistry", me.Id, sharing.Id, private_.Id, blocker.Id);
        var message = await sharing.SendIdAsync(groupId, "homework is page 40");
        await SetReadReceiptsAsync(private_, false);
        (await blocker.BlockAsync(me.Id)).EnsureSuccessStatusCode();
        await using var sharingPhone = await ListenAsync(sharing.Id);
        await using var privatePhone = await ListenAsync(private_.Id);
        await using var blockerPhone = await ListenAsync(blocker.Id);

        await me.MarkReadAsync(groupId, message).NoContentAsync();

        Assert.That((await sharingPhone.NextAsync(Patience)).GetProperty("user_id").GetInt32(), Is.EqualTo(me.Id));
        await Task.Delay(Quiet);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(privatePhone.Received, Is.Empty);
            Assert.That(blockerPhone.Received, Is.Empty);
        }
    }

    private static Task<ReadEventListener> ListenAsync(int userId) => ReadEventListener.StartAsync(Factory.ServerAddress, userId, "read_updated");

    private static async Task SetReadReceiptsAsync(TestUser user, bool on) =>
        (await user.PutSettingsAsync(new JsonObject { ["read_receipts"] = on })).EnsureSuccessStatusCode();

    private static async Task<JsonNode> ReadStatusAsync(TestUser user, int conversationId) =>
        (await user.GetJsonAsync($"/api/chat/conversations/{conversationId}/read-status"))["read_status"]!;

    private static JsonNode PositionOf(JsonNode status, int userId) =>
        status.AsArray().Single(p => p!["user_id"]!.GetValue<int>() == userId)!;
}
