using System.Net;
using System.Text.Json.Nodes;

namespace Astegni.Chat.Api.Tests.Privacy;

public sealed class PrivacySettingsTests : ApiTest
{
    [Test]
    public async Task Settings_StartAtTheDefaults()
    {
        var me = await UserAsync("Me");

        var settings = (await me.GetJsonAsync("/api/chat/settings"))["settings"]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings["who_can_message"]!.GetValue<string>(), Is.EqualTo("everyone"));
            Assert.That(settings["allow_calls_from"]!.GetValue<string>(), Is.EqualTo("everyone"));
            Assert.That(settings["allow_group_adds"]!.GetValue<string>(), Is.EqualTo("everyone"));
            Assert.That(settings["last_seen_visibility"]!.GetValue<string>(), Is.EqualTo("everyone"));
            Assert.That(settings["read_receipts"]!.GetValue<bool>(), Is.True);
            Assert.That(settings["disable_forwarding"]!.GetValue<bool>(), Is.False);
        }
    }

    [Test]
    public async Task Update_ChangesOnlyTheFieldsSent_AndIsKept()
    {
        var me = await UserAsync("Me");

        var response = await me.PutSettingsAsync(new JsonObject { ["who_can_message"] = "connections", ["read_receipts"] = false });
        var updated = (await response.JsonAsync(HttpStatusCode.OK))["settings"]!;
        await me.PutSettingsAsync(new JsonObject { ["last_seen_visibility"] = "nobody" });
        var reread = (await me.GetJsonAsync("/api/chat/settings"))["settings"]!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(updated["who_can_message"]!.GetValue<string>(), Is.EqualTo("connections"));
            Assert.That(updated["read_receipts"]!.GetValue<bool>(), Is.False);
            Assert.That(reread["who_can_message"]!.GetValue<string>(), Is.EqualTo("connections"));
            Assert.That(reread["read_receipts"]!.GetValue<bool>(), Is.False);
            Assert.That(reread["last_seen_visibility"]!.GetValue<string>(), Is.EqualTo("nobody"));
            Assert.That(reread["typing_indicators"]!.GetValue<bool>(), Is.True);
        }
    }

    [Test]
    public async Task Update_WithAnUnknownValue_IsRefusedAndChangesNothing()
    {
        var me = await UserAsync("Me");

        var response = await me.PutSettingsAsync(new JsonObject { ["who_can_message"] = "friends", ["read_receipts"] = false });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "invalid_privacy_value");
        Assert.That(problem["errors"]!["who_can_message"]![0]!.GetValue<string>(), Does.Contain("everyone, connections, none"));
        var settings = (await me.GetJsonAsync("/api/chat/settings"))["settings"]!;
        Assert.That(settings["read_receipts"]!.GetValue<bool>(), Is.True, "a refused update writes nothing");
    }

    [Test]
    public async Task Update_WithAWronglyTypedValue_IsMalformed()
    {
        var me = await UserAsync("Me");

        var response = await me.PutSettingsAsync(new JsonObject { ["read_receipts"] = "sometimes" });

        await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Test]
    public async Task WhoCanMessageNone_StopsNewChatsEvenFromConnections()
    {
        var me = await UserAsync("Me");
        var friend = await UserAsync("Friend");
        await Db.ConnectAsync(me.Id, friend.Id);
        await me.PutSettingsAsync(new JsonObject { ["who_can_message"] = "none" });

        var response = await friend.OpenDirectAsync(me.Id);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "recipient_not_accepting_messages");
    }
}
