using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;

namespace Astegni.Chat.Domain.Tests.Conversations;

public class ParticipantPreferencesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Me = new(1);
    private static readonly UserId Other = new(2);

    private static Conversation NewDirect() => Conversation.OpenDirect(Me, Other, Now);

    private static Participant Mine(Conversation conversation) => conversation.ActiveParticipant(Me)!;

    [Test]
    public void NewParticipant_IsNotMutedArchivedPinnedClearedOrHidden()
    {
        var me = Mine(NewDirect());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.IsMuted, Is.False);
            Assert.That(me.IsMutedAt(Now), Is.False);
            Assert.That(me.IsArchived, Is.False);
            Assert.That(me.IsPinned, Is.False);
            Assert.That(me.ChatClearedAt, Is.Null);
            Assert.That(me.HiddenAt, Is.Null);
        }
    }

    [Test]
    public void Mute_WithoutAnEnd_MutesForGood()
    {
        var me = Mine(NewDirect());

        var result = me.Mute(null, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(me.IsMuted, Is.True);
            Assert.That(me.MutedUntil, Is.Null);
            Assert.That(me.IsMutedAt(Now.AddYears(10)), Is.True);
            Assert.That(me.UpdatedAt, Is.EqualTo(Now));
        }
    }

    [Test]
    public void Mute_UntilATime_IsMutedBeforeIt_AndNoLongerOnceItPassed()
    {
        var me = Mine(NewDirect());
        var until = Now.AddHours(8);

        var result = me.Mute(until, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(me.MutedUntil, Is.EqualTo(until));
            Assert.That(me.IsMutedAt(until.AddTicks(-1)), Is.True);
            Assert.That(me.IsMutedAt(until), Is.False, "the end itself is no longer muted");
            Assert.That(me.IsMutedAt(until.AddMinutes(1)), Is.False);
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void Mute_UntilNowOrThePast_IsRefused_AndChangesNothing(int minutesFromNow)
    {
        var me = Mine(NewDirect());

        var result = me.Mute(Now.AddMinutes(minutesFromNow), Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("mute_until_in_past"));
            Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
            Assert.That(me.IsMuted, Is.False);
            Assert.That(me.MutedUntil, Is.Null);
        }
    }

    [Test]
    public void Mute_Again_ReplacesTheEnd()
    {
        var me = Mine(NewDirect());
        me.Mute(Now.AddHours(1), Now);

        me.Mute(null, Now.AddMinutes(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.MutedUntil, Is.Null);
            Assert.That(me.IsMutedAt(Now.AddDays(1)), Is.True);
        }
    }

    [Test]
    public void Unmute_ClearsTheMuteAndItsEnd()
    {
        var me = Mine(NewDirect());
        me.Mute(Now.AddHours(1), Now);

        me.Unmute(Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.IsMuted, Is.False);
            Assert.That(me.MutedUntil, Is.Null);
            Assert.That(me.IsMutedAt(Now.AddMinutes(2)), Is.False);
            Assert.That(me.UpdatedAt, Is.EqualTo(Now.AddMinutes(1)));
        }
    }

    [Test]
    public void ArchiveAndUnarchive_ToggleOnlyArchived()
    {
        var me = Mine(NewDirect());

        me.SetArchived(true, Now.AddMinutes(1));
        var archived = me.IsArchived;
        me.SetArchived(false, Now.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(archived, Is.True);
            Assert.That(me.IsArchived, Is.False);
            Assert.That(me.IsPinned, Is.False);
            Assert.That(me.UpdatedAt, Is.EqualTo(Now.AddMinutes(2)));
        }
    }

    [Test]
    public void PinAndUnpin_ToggleOnlyPinned()
    {
        var me = Mine(NewDirect());

        me.SetPinned(true, Now.AddMinutes(1));
        var pinned = me.IsPinned;
        me.SetPinned(false, Now.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pinned, Is.True);
            Assert.That(me.IsPinned, Is.False);
            Assert.That(me.IsArchived, Is.False);
            Assert.That(me.UpdatedAt, Is.EqualTo(Now.AddMinutes(2)));
        }
    }

    [Test]
    public void ClearHistory_HidesEverythingUpToNow_ButKeepsTheConversationListed()
    {
        var me = Mine(NewDirect());
        me.SetPinned(true, Now);
        var clearedAt = Now.AddMinutes(3);

        me.ClearHistory(clearedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.ChatClearedAt, Is.EqualTo(clearedAt));
            Assert.That(me.HiddenAt, Is.Null);
            Assert.That(me.IsPinned, Is.True);
            Assert.That(me.IsActive, Is.True);
        }
    }

    [Test]
    public void Hide_ClearsHistory_HidesTheConversation_AndItComesBackUnpinnedAndUnarchived()
    {
        var me = Mine(NewDirect());
        me.SetPinned(true, Now);
        me.SetArchived(true, Now);
        me.Mute(null, Now);
        var deletedAt = Now.AddMinutes(3);

        me.Hide(deletedAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(me.ChatClearedAt, Is.EqualTo(deletedAt));
            Assert.That(me.HiddenAt, Is.EqualTo(deletedAt));
            Assert.That(me.IsPinned, Is.False);
            Assert.That(me.IsArchived, Is.False);
            Assert.That(me.IsMuted, Is.True, "a mute is a notification choice; deleting the chat keeps it");
            Assert.That(me.IsActive, Is.True, "still a member: new messages bring it back");
        }
    }

    [Test]
    public void MyChoices_NeverChangeTheOtherParticipant()
    {
        var conversation = NewDirect();
        var me = Mine(conversation);

        me.Mute(Now.AddHours(1), Now);
        me.SetArchived(true, Now);
        me.SetPinned(true, Now);
        me.Hide(Now.AddMinutes(1));

        var other = conversation.ActiveParticipant(Other)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(other.IsMuted, Is.False);
            Assert.That(other.IsArchived, Is.False);
            Assert.That(other.IsPinned, Is.False);
            Assert.That(other.ChatClearedAt, Is.Null);
            Assert.That(other.HiddenAt, Is.Null);
            Assert.That(other.UpdatedAt, Is.EqualTo(Now));
        }
    }
}
