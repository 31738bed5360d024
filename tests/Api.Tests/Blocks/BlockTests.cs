using System.Net;

namespace Astegni.Chat.Api.Tests.Blocks;

public sealed class BlockTests : ApiTest
{
    [Test]
    public async Task Block_ShowsInMyList_WithNameAndReason_UntilIUnblock()
    {
        var me = await UserAsync("Me");
        var pest = await UserAsync("Pest", "Person");

        var blocked = await me.BlockAsync(pest.Id, "keeps sending ads");
        var twice = await me.BlockAsync(pest.Id);
        var list = (await me.GetJsonAsync("/api/chat/blocked"))["blocked"]!.AsArray();
        await me.Http.DeleteAsync(new Uri($"/api/chat/block/{pest.Id}", UriKind.Relative));
        var after = (await me.GetJsonAsync("/api/chat/blocked"))["blocked"]!.AsArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(blocked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "blocking again is harmless");
            Assert.That(list, Has.Count.EqualTo(1));
            Assert.That(list[0]!["user_id"]!.GetValue<int>(), Is.EqualTo(pest.Id));
            Assert.That(list[0]!["name"]!.GetValue<string>(), Is.EqualTo("Pest Person"));
            Assert.That(list[0]!["reason"]!.GetValue<string>(), Is.EqualTo("keeps sending ads"));
            Assert.That(after, Is.Empty);
        }
    }

    [Test]
    public async Task MyBlockList_DoesNotShowWhoBlockedMe()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        await other.BlockAsync(me.Id);

        var list = (await me.GetJsonAsync("/api/chat/blocked"))["blocked"]!.AsArray();

        Assert.That(list, Is.Empty);
    }

    [Test]
    public async Task BlockList_PagesWithCursor()
    {
        var me = await UserAsync("Me");
        for (var i = 0; i < 3; i++)
        {
            await me.BlockAsync((await UserAsync($"User{i}")).Id);
        }

        var first = await me.GetJsonAsync("/api/chat/blocked?limit=2");
        var cursor = first["next_cursor"]!.GetValue<string>();
        var second = await me.GetJsonAsync($"/api/chat/blocked?limit=2&cursor={cursor}");

        Assert.That(first["blocked"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That(second["blocked"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(second["next_cursor"], Is.Null);
    }

    [Test]
    public async Task BlockingMyself_IsRefused()
    {
        var me = await UserAsync("Me");

        await (await me.BlockAsync(me.Id)).ProblemAsync(HttpStatusCode.BadRequest, "cannot_block_self");
    }

    [Test]
    public async Task BlockingAnUnknownUser_IsNotFound()
    {
        var me = await UserAsync("Me");

        await (await me.BlockAsync(424242)).ProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }
}
