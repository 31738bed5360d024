using System.Net;
using Astegni.Chat.Application.Messages.SendMessage;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Astegni.Chat.Api.Tests.Messages;

public sealed class SendMessageTests : ApiTest
{
    [Test]
    public async Task Send_StoresTheMessage_AndAnswersWithIt()
    {
        var abebe = await UserAsync("Abebe", "Tadesse");
        var almaz = await UserAsync("Almaz");
        var conversationId = await abebe.OpenDirectIdAsync(almaz.Id);

        var message = await abebe.SendOkAsync(conversationId, "Selam Almaz! ሰላም");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(message["id"]!.GetValue<int>(), Is.Positive);
            Assert.That(message["conversation_id"]!.GetValue<int>(), Is.EqualTo(conversationId));
            Assert.That(message["sender_user_id"]!.GetValue<int>(), Is.EqualTo(abebe.Id));
            Assert.That(message["sender_name"]!.GetValue<string>(), Is.EqualTo("Abebe Tadesse"));
            Assert.That(message["message_type"]!.GetValue<string>(), Is.EqualTo("text"));
            Assert.That(message["content"]!.GetValue<string>(), Is.EqualTo("Selam Almaz! ሰላም"));
            Assert.That(message["is_mine"]!.GetValue<bool>(), Is.True);
            Assert.That(message["created_at"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"));
        }
    }

    [Test]
    public async Task Send_WithTheSameClientMessageIdTwice_StoresOneMessage_AndReplaysTheOriginal()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        var first = await (await me.SendAsync(conversationId, "Hello", "c-123")).JsonAsync(HttpStatusCode.Created);
        var retry = await (await me.SendAsync(conversationId, "Hello", "c-123")).JsonAsync(HttpStatusCode.OK);

        Assert.That(retry["message"]!["id"]!.GetValue<int>(), Is.EqualTo(first["message"]!["id"]!.GetValue<int>()));
        Assert.That(retry["message"]!["client_message_id"]!.GetValue<string>(), Is.EqualTo("c-123"));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.EqualTo(1));
    }

    [Test]
    public async Task ConcurrentRetries_WithOneClientMessageId_StoreOneMessage()
    {
        var me = await Db.AddUserAsync("Me");
        var other = await Db.AddUserAsync("Other");
        var conversationId = await new TestUser(me, Factory.ClientFor(me)).OpenDirectIdAsync(other);

        var sends = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new UserId(me));
            var result = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new SendMessage(conversationId, "text", "Once only", "retry-1"));
            Assert.That(result.IsSuccess, Is.True, () => result.Error!.Code);
            return result.Value;
        }));
        var results = await Task.WhenAll(sends);

        Assert.That(results.Select(r => r.Message.Id).Distinct().Count(), Is.EqualTo(1));
        Assert.That(results.Count(r => !r.Replayed), Is.EqualTo(1));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.EqualTo(1));
    }

    [Test]
    public async Task Send_IntoAConversationIAmNotIn_IsNotFound_AndStoresNothing()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var intruder = await UserAsync("Intruder");
        var conversationId = await a.OpenDirectIdAsync(b.Id);

        var response = await intruder.SendAsync(conversationId, "let me in");

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.Zero);
    }

    [Test]
    public async Task Send_ToSomeoneWhoBlockedMe_IsRefusedAsUnavailable_AndWorksAgainAfterUnblock()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.BlockAsync(me.Id, "spam");

        var whileBlocked = await me.SendAsync(conversationId, "hello?");
        var theirAttempt = await other.SendAsync(conversationId, "I blocked you");
        await other.Http.DeleteAsync(new Uri($"/api/chat/block/{me.Id}", UriKind.Relative));
        var afterUnblock = await me.SendAsync(conversationId, "hello again");

        await whileBlocked.ProblemAsync(HttpStatusCode.Forbidden, "recipient_unavailable");
        await theirAttempt.ProblemAsync(HttpStatusCode.Forbidden, "you_blocked_recipient");
        Assert.That(afterUnblock.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await Db.ScalarAsync<long>("SELECT count(*) FROM chat_messages"), Is.EqualTo(1));
    }

    [TestCase("", "message_empty")]
    [TestCase("   ", "message_empty")]
    public async Task Send_WithoutText_IsRefused(string content, string code)
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        var response = await me.SendAsync(conversationId, content);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.That(problem["errors"]!["content"], Is.Not.Null);
    }

    [Test]
    public async Task Send_TenThousandCharacters_IsAccepted_ButOneMoreIsRefused()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        var longest = await me.SendAsync(conversationId, new string('a', 10_000));
        var tooLong = await me.SendAsync(conversationId, new string('a', 10_001));

        Assert.That(longest.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await tooLong.ProblemAsync(HttpStatusCode.BadRequest, "message_too_long");
    }

    [Test]
    public async Task Send_OfAMediaTypeWithoutAnUploadedItem_IsRefusedAsMediaRequired()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        var conversationId = await me.OpenDirectIdAsync(other.Id);

        var response = await me.Http.PostAsync(
            new Uri("/api/chat/messages", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new System.Text.Json.Nodes.JsonObject
            {
                ["conversation_id"] = conversationId,
                ["message_type"] = "image",
                ["content"] = "http://example.invalid/cat.png",
            }));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "media_required");
    }
}
