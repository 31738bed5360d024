using Astegni.Chat.Domain.Common;
using Astegni.Chat.Infrastructure.Directories;

namespace Astegni.Chat.Infrastructure.Tests.Directories;

public sealed class ConnectionDirectoryTests : DatabaseTest
{
    [TestCase("accepted", true)]
    [TestCase("pending", false)]
    [TestCase("rejected", false)]
    [TestCase("blocked", false)]
    public async Task Connected_OnlyWhenAccepted(string status, bool connected)
    {
        var a = await Db.AddUserAsync("A");
        var b = await Db.AddUserAsync("B");
        await Db.ConnectAsync(a, b, status);

        Assert.That(await AreConnectedAsync(a, b), Is.EqualTo(connected));
    }

    [Test]
    public async Task Connected_InEitherDirection_WhateverTheRoles()
    {
        var a = await Db.AddUserAsync("A");
        var b = await Db.AddUserAsync("B");
        var c = await Db.AddUserAsync("C");
        await Db.ConnectAsync(b, a);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await AreConnectedAsync(a, b), Is.True);
            Assert.That(await AreConnectedAsync(b, a), Is.True);
            Assert.That(await AreConnectedAsync(a, c), Is.False);
        }
    }

    [Test]
    public async Task Connection_IsBetweenUsers_NotProfileIds()
    {
        // The legacy helper compared profile ids without their type: profile #1 of two different
        // people matched. Users 1-2 connected says nothing about profile ids stored beside them.
        var a = await Db.AddUserAsync("A");
        var b = await Db.AddUserAsync("B");
        var c = await Db.AddUserAsync("C");
        await Db.ExecuteAsync(
            "INSERT INTO connections (requested_by, recipient_id, requester_profile_id, recipient_profile_id, status) VALUES ($1, $2, $3, 1, 'accepted')",
            a, b, c);

        Assert.That(await AreConnectedAsync(a, c), Is.False);
        Assert.That(await AreConnectedAsync(a, b), Is.True);
    }

    private static async Task<bool> AreConnectedAsync(int a, int b)
    {
        await using var db = Db.NewContext();
        return await new ConnectionDirectory(db).AreConnectedAsync(new UserId(a), new UserId(b), CancellationToken.None);
    }
}
