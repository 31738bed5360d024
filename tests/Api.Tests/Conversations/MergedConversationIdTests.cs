using System.Net;

namespace Astegni.Chat.Api.Tests.Conversations;

/// <summary>A conversation id the legacy upgrade merged into another keeps working for its members.</summary>
public sealed class MergedConversationIdTests : ApiTest
{
    private const int OldId = 424_242;

    [Test]
    public async Task OldId_OpensTheSurvivingConversation_ItsHistory_AndTakesNewMessages()
    {
        var abebe = await UserAsync("Abebe");
        var almaz = await UserAsync("Almaz");
        var survivor = await abebe.OpenDirectIdAsync(almaz.Id);
        await abebe.SendOkAsync(survivor, "from before the upgrade");
        await Db.ExecuteAsync("INSERT INTO chat_conversation_aliases (alias_id, conversation_id) VALUES ($1, $2)", OldId, survivor);

        var details = await almaz.GetJsonAsync($"/api/chat/conversations/{OldId}");
        var history = await almaz.GetJsonAsync($"/api/chat/messages/{OldId}");
        var sent = await almaz.SendOkAsync(OldId, "sent to the old id");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(details["conversation"]!["id"]!.GetValue<int>(), Is.EqualTo(survivor));
            Assert.That(history["messages"]![0]!["content"]!.GetValue<string>(), Is.EqualTo("from before the upgrade"));
            Assert.That(sent["conversation_id"]!.GetValue<int>(), Is.EqualTo(survivor));
        }
    }

    [Test]
    public async Task OldId_OfSomeoneElsesConversation_StaysNotFound()
    {
        var a = await UserAsync("A");
        var b = await UserAsync("B");
        var stranger = await UserAsync("Stranger");
        var survivor = await a.OpenDirectIdAsync(b.Id);
        await Db.ExecuteAsync("INSERT INTO chat_conversation_aliases (alias_id, conversation_id) VALUES ($1, $2)", OldId, survivor);

        var response = await stranger.Http.GetAsync(new Uri($"/api/chat/conversations/{OldId}", UriKind.Relative));

        await response.ProblemAsync(HttpStatusCode.NotFound, "conversation_not_found");
    }
}
