using Astegni.Chat.Application.Messages.SendSystemMessage;

namespace Astegni.Chat.Api.Tests.MessageActions;

/// <summary>SendSystemMessage has no REST route: another module sends it in-process, as a user.</summary>
public sealed class SystemMessageTests : MessageActionTest
{
    [Test]
    public async Task SystemMessage_FromAModuleActingAsAMember_IsStored_ShownInHistory_AndPushedToTheOther()
    {
        var tutor = await UserAsync("Tutor");
        var student = await UserAsync("Student");
        var conversationId = await tutor.OpenDirectIdAsync(student.Id);
        await using var studentPhone = await ListenAsync(student);

        var sent = await AsUserAsync(tutor, s => s.Send(new SendSystemMessage(conversationId, "Session request: Saturday 10:00")));

        Assert.That(sent.IsSuccess, Is.True, () => sent.Error!.Code);
        var pushed = await studentPhone.NextAsync("message_created", Patience);
        var seen = await student.SeenAsync(conversationId, sent.Value.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Value.MessageType, Is.EqualTo("system"));
            Assert.That(seen!["message_type"]!.GetValue<string>(), Is.EqualTo("system"));
            Assert.That(seen["content"]!.GetValue<string>(), Is.EqualTo("Session request: Saturday 10:00"));
            Assert.That(seen["sender_user_id"]!.GetValue<int>(), Is.EqualTo(tutor.Id));
            Assert.That(pushed.GetProperty("message").GetProperty("id").GetInt32(), Is.EqualTo(sent.Value.Id));
        }
    }

    [Test]
    public async Task SystemMessage_IntoAConversationTheUserIsNotIn_IsRefusedAsNotFound()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var outsider = await UserAsync("Outsider");
        var conversationId = await a.OpenDirectIdAsync(b.Id);

        var sent = await AsUserAsync(outsider, s => s.Send(new SendSystemMessage(conversationId, "Session request")));

        Assert.That(sent.Error?.Code, Is.EqualTo("conversation_not_found"));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.Zero);
    }

    [Test]
    public async Task SystemMessage_ToSomeoneWhoBlockedTheUser_IsRefusedAsUnavailable()
    {
        var tutor = await UserAsync("Tutor");
        var student = await UserAsync("Student");
        var conversationId = await tutor.OpenDirectIdAsync(student.Id);
        await student.BlockAsync(tutor.Id);

        var sent = await AsUserAsync(tutor, s => s.Send(new SendSystemMessage(conversationId, "Session request")));

        Assert.That(sent.Error?.Code, Is.EqualTo("recipient_unavailable"));
    }

    [TestCase("", "message_empty")]
    [TestCase(" ", "message_empty")]
    public async Task SystemMessage_WithoutText_IsRefused(string content, string code)
    {
        var tutor = await UserAsync("Tutor");
        var student = await UserAsync("Student");
        var conversationId = await tutor.OpenDirectIdAsync(student.Id);

        var sent = await AsUserAsync(tutor, s => s.Send(new SendSystemMessage(conversationId, content)));

        Assert.That(sent.Error?.Code, Is.EqualTo(code));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.Zero);
    }

    [Test]
    public async Task SystemMessage_AppearsInTheConversationList_AsTheLastMessage()
    {
        var tutor = await UserAsync("Tutor");
        var student = await UserAsync("Student");
        var conversationId = await tutor.OpenDirectIdAsync(student.Id);

        await AsUserAsync(tutor, s => s.Send(new SendSystemMessage(conversationId, "Session confirmed")));

        var list = await student.GetJsonAsync("/api/chat/conversations");
        var last = list["conversations"]![0]!["last_message"]!;
        Assert.That(last["message_type"]!.GetValue<string>(), Is.EqualTo("system"));
        Assert.That(last["preview"]!.GetValue<string>(), Is.EqualTo("Session confirmed"));
        Assert.That(list["conversations"]![0]!["unread_count"]!.GetValue<int>(), Is.EqualTo(1));
    }
}
