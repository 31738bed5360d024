using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Astegni.Chat.Api.Tests.Groups;

/// <summary>Real SignalR clients: conversation_updated reaches the people a group change concerns, and nobody else.</summary>
public sealed class GroupEventsTests : ApiTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    // Long enough for a stray event to arrive before concluding none was sent.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    [Test]
    public async Task CreatingAGroup_TellsEveryMember_AndTheCreatorsOtherDevices_ButNoOutsider()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var outsider = await UserAsync("Outsider");
        var refused = await UserAsync("Refused");
        await refused.PutSettingsAsync(new JsonObject { ["allow_group_adds"] = "none" });
        await using var memberPhone = await ListenAsync(member.Id);
        await using var adminLaptop = await ListenAsync(admin.Id);
        await using var outsiderPhone = await ListenAsync(outsider.Id);
        await using var refusedPhone = await ListenAsync(refused.Id);

        var id = await admin.CreateGroupIdAsync("G", member.Id, refused.Id);

        Assert.That(await memberPhone.NextConversationIdAsync(), Is.EqualTo(id));
        Assert.That(await adminLaptop.NextConversationIdAsync(), Is.EqualTo(id));
        await Task.Delay(Quiet);
        Assert.That(outsiderPhone.Received, Is.Empty);
        Assert.That(refusedPhone.Received, Is.Empty, "someone refused is not told of the group");
    }

    [Test]
    public async Task AddingMembers_TellsTheNewcomersAndTheMembers_ButNoOutsider()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var newcomer = await UserAsync("Newcomer");
        var outsider = await UserAsync("Outsider");
        var id = await admin.CreateGroupIdAsync("G", member.Id);
        await using var memberPhone = await ListenAsync(member.Id);
        await using var newcomerPhone = await ListenAsync(newcomer.Id);
        await using var outsiderPhone = await ListenAsync(outsider.Id);

        await admin.AddParticipantsOkAsync(id, newcomer.Id);

        Assert.That(await memberPhone.NextConversationIdAsync(), Is.EqualTo(id));
        Assert.That(await newcomerPhone.NextConversationIdAsync(), Is.EqualTo(id));
        await Task.Delay(Quiet);
        Assert.That(outsiderPhone.Received, Is.Empty);
    }

    [Test]
    public async Task RemovingAMember_TellsThemAndWhoRemains_ButNoOutsider()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var removed = await UserAsync("Removed");
        var outsider = await UserAsync("Outsider");
        var id = await admin.CreateGroupIdAsync("G", member.Id, removed.Id);
        await using var memberPhone = await ListenAsync(member.Id);
        await using var removedPhone = await ListenAsync(removed.Id);
        await using var outsiderPhone = await ListenAsync(outsider.Id);

        await (await admin.RemoveParticipantAsync(id, removed.Id)).NoContentAsync();

        Assert.That(await memberPhone.NextConversationIdAsync(), Is.EqualTo(id));
        Assert.That(await removedPhone.NextConversationIdAsync(), Is.EqualTo(id));
        await Task.Delay(Quiet);
        Assert.That(outsiderPhone.Received, Is.Empty);
    }

    [Test]
    public async Task Leaving_TellsTheLeaversOtherDevicesAndTheMembers()
    {
        var admin = await UserAsync("Admin");
        var leaver = await UserAsync("Leaver");
        var id = await admin.CreateGroupIdAsync("G", leaver.Id);
        await using var adminPhone = await ListenAsync(admin.Id);
        await using var leaverLaptop = await ListenAsync(leaver.Id);

        await (await leaver.LeaveAsync(id)).NoContentAsync();

        Assert.That(await adminPhone.NextConversationIdAsync(), Is.EqualTo(id));
        Assert.That(await leaverLaptop.NextConversationIdAsync(), Is.EqualTo(id));
    }

    [Test]
    public async Task RenamingAndRoleChanges_TellTheMembers_ButNoOutsiderOrFormerMember()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var former = await UserAsync("Former");
        var outsider = await UserAsync("Outsider");
        var id = await admin.CreateGroupIdAsync("G", member.Id, former.Id);
        await (await former.LeaveAsync(id)).NoContentAsync();
        await using var memberPhone = await ListenAsync(member.Id);
        await using var formerPhone = await ListenAsync(former.Id);
        await using var outsiderPhone = await ListenAsync(outsider.Id);

        await (await admin.UpdateGroupAsync(id, new JsonObject { ["name"] = "Renamed", ["description"] = "and described" }))
            .JsonAsync(System.Net.HttpStatusCode.OK);
        var renamed = await memberPhone.NextConversationIdAsync();
        await (await admin.ChangeRoleAsync(id, member.Id, "admin")).NoContentAsync();
        var promoted = await memberPhone.NextConversationIdAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(renamed, Is.EqualTo(id));
            Assert.That(promoted, Is.EqualTo(id));
        }

        await Task.Delay(Quiet);
        Assert.That(memberPhone.Received, Is.Empty, "one event per change, even for a name and a description together");
        Assert.That(outsiderPhone.Received, Is.Empty);
        Assert.That(formerPhone.Received, Is.Empty);
    }

    [Test]
    public async Task ARefusedChange_TellsNobody()
    {
        var admin = await UserAsync("Admin");
        var member = await UserAsync("Member");
        var id = await admin.CreateGroupIdAsync("G", member.Id);
        await using var adminPhone = await ListenAsync(admin.Id);

        await member.UpdateGroupAsync(id, new JsonObject { ["name"] = "Hijacked" });
        await member.AddParticipantsAsync(id, member.Id);

        await Task.Delay(Quiet);
        Assert.That(adminPhone.Received, Is.Empty);
    }

    [Test]
    public async Task OpeningADirectChat_PushesNoConversationUpdate()
    {
        var me = await UserAsync("Me");
        var other = await UserAsync("Other");
        await using var otherPhone = await ListenAsync(other.Id);

        await me.OpenDirectIdAsync(other.Id);

        await Task.Delay(Quiet);
        Assert.That(otherPhone.Received, Is.Empty);
    }

    private static async Task<Listener> ListenAsync(int userId)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.ServerAddress, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(ChatApiFactory.TokenFor(userId));
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var listener = new Listener(connection);
        connection.On<JsonElement>("conversation_updated", listener.Received.Add);
        await connection.StartAsync();
        return listener;
    }

    private sealed class Listener(HubConnection connection) : IAsyncDisposable
    {
        public BlockingCollection<JsonElement> Received { get; } = [];

        public Task<int> NextConversationIdAsync() => Task.Run(() =>
        {
            if (!Received.TryTake(out var item, Patience))
            {
                throw new TimeoutException("No conversation_updated arrived.");
            }

            Assert.That(item.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "conversation_id" }), "the payload is just the id");
            return item.GetProperty("conversation_id").GetInt32();
        });

        public async ValueTask DisposeAsync()
        {
            await connection.DisposeAsync();
            Received.Dispose();
        }
    }
}
