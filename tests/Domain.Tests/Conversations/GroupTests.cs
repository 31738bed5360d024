using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Domain.Tests.Conversations;

public class GroupTests
{
    private const int Limit = 256;
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Creator = new(1);
    private static readonly UserId Bob = new(2);
    private static readonly UserId Carol = new(3);
    private static readonly UserId Dawit = new(4);
    private static readonly UserId Eden = new(5);

    private static Conversation Group(params UserId[] members) =>
        Conversation.CreateGroup(Creator, "Grade 9 Maths", null, null, members, Now, Limit).Value;

    private static Conversation FreshGroup(params UserId[] members)
    {
        var group = Group(members);
        group.ClearDomainEvents();
        return group;
    }

    private static Participant Member(Conversation group, UserId user) => group.Participants.Single(p => p.UserId == user);

    private static void SetId(Participant participant, int id) =>
        typeof(Participant).GetProperty(nameof(Participant.Id))!.SetValue(participant, new ParticipantId(id));

    [Test]
    public void CreateGroup_MakesTheCreatorAdmin_AndTheOthersMembers()
    {
        var group = Conversation.CreateGroup(Creator, "  Grade 9 Maths  ", " Weekly algebra ", null, [Bob, Carol], Now, Limit).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(group.Type, Is.EqualTo(ConversationType.Group));
            Assert.That(group.Name, Is.EqualTo("Grade 9 Maths"), "trimmed");
            Assert.That(group.Description, Is.EqualTo("Weekly algebra"));
            Assert.That(group.CreatedByUserId, Is.EqualTo(Creator));
            Assert.That(group.DirectUserLowId, Is.Null, "groups are not direct pairs");
            Assert.That(Member(group, Creator).Role, Is.EqualTo(ParticipantRole.Admin));
            Assert.That(Member(group, Bob).Role, Is.EqualTo(ParticipantRole.Member));
            Assert.That(Member(group, Carol).Role, Is.EqualTo(ParticipantRole.Member));
            Assert.That(group.ActiveMemberIds, Is.EquivalentTo(new[] { Creator, Bob, Carol }));
            Assert.That(group.Participants.Select(p => p.JoinedAt), Has.All.EqualTo(Now));
        }
    }

    [Test]
    public void CreateGroup_RaisesConversationCreatedByTheCreator()
    {
        var group = Group(Bob);

        var created = group.DomainEvents.OfType<ConversationCreated>().Single();
        Assert.That(created.CreatedBy, Is.EqualTo(Creator));
    }

    [Test]
    public void CreateGroup_IgnoresDuplicatesAndTheCreatorAmongTheMembers()
    {
        var group = Group(Bob, Bob, Creator, Carol);

        Assert.That(group.Participants.Select(p => p.UserId), Is.EqualTo(new[] { Creator, Bob, Carol }));
    }

    [Test]
    public void CreateGroup_WithNoOtherMembers_IsTheCreatorAlone()
    {
        var group = Group();

        Assert.That(group.ActiveMemberIds, Is.EqualTo(new[] { Creator }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void CreateGroup_WithoutAName_IsRefused(string? name)
    {
        var created = Conversation.CreateGroup(Creator, name, null, null, [Bob], Now, Limit);

        Assert.That(created.Error?.Code, Is.EqualTo("invalid_group_name"));
    }

    [Test]
    public void CreateGroup_NameLength_IsAtMost255AfterTrimming()
    {
        var longest = Conversation.CreateGroup(Creator, " " + new string('n', 255) + " ", null, null, [], Now, Limit);
        var tooLong = Conversation.CreateGroup(Creator, new string('n', 256), null, null, [], Now, Limit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(longest.IsSuccess, Is.True);
            Assert.That(tooLong.Error?.Code, Is.EqualTo("invalid_group_name"));
            Assert.That(tooLong.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
        }
    }

    [Test]
    public void CreateGroup_WithATooLongDescription_IsRefused()
    {
        var created = Conversation.CreateGroup(
            Creator, "G", new string('d', Conversation.MaxDescriptionLength + 1), null, [], Now, Limit);

        Assert.That(created.Error?.Code, Is.EqualTo("group_description_too_long"));
    }

    [Test]
    public void CreateGroup_WithABlankDescription_HasNone()
    {
        var group = Conversation.CreateGroup(Creator, "G", "   ", null, [], Now, Limit).Value;

        Assert.That(group.Description, Is.Null);
    }

    [Test]
    public void CreateGroup_UpToTheLimitIncludingTheCreator_IsAllowed_OneMoreIsRefused()
    {
        var atLimit = Conversation.CreateGroup(Creator, "G", null, null, [Bob, Carol], Now, memberLimit: 3);
        var overLimit = Conversation.CreateGroup(Creator, "G", null, null, [Bob, Carol, Dawit], Now, memberLimit: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atLimit.IsSuccess, Is.True);
            Assert.That(overLimit.Error?.Code, Is.EqualTo("group_member_limit_reached"));
        }
    }

    [Test]
    public void AddMembers_ByAnAdmin_AddsThemAsMembers_AndRaisesMembersAdded()
    {
        var group = FreshGroup(Bob);
        var later = Now.AddHours(1);

        var addition = group.AddMembers(Creator, [Carol, Dawit], later, Limit);

        Assert.That(addition.IsSuccess, Is.True);
        var added = group.DomainEvents.OfType<GroupMembersAdded>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(addition.Value.Added, Is.EqualTo(new[] { Carol, Dawit }));
            Assert.That(addition.Value.Refused, Is.Empty);
            Assert.That(Member(group, Carol).Role, Is.EqualTo(ParticipantRole.Member));
            Assert.That(Member(group, Carol).JoinedAt, Is.EqualTo(later));
            Assert.That(added.AddedBy, Is.EqualTo(Creator));
            Assert.That(added.Added, Is.EqualTo(new[] { Carol, Dawit }));
            Assert.That(group.DomainEvents, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void AddMembers_ByAMemberWhoIsNotAdmin_IsRefusedAndChangesNothing()
    {
        var group = FreshGroup(Bob);

        var addition = group.AddMembers(Bob, [Carol], Now, Limit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(addition.Error?.Code, Is.EqualTo("not_group_admin"));
            Assert.That(addition.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
            Assert.That(group.Participants.Select(p => p.UserId), Does.Not.Contain(Carol));
            Assert.That(group.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void AddMembers_ByANonMember_IsConversationNotFound()
    {
        var group = FreshGroup(Bob);

        var addition = group.AddMembers(Eden, [Carol], Now, Limit);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(addition.Error?.Code, Is.EqualTo("conversation_not_found"));
            Assert.That(addition.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
        }
    }

    [Test]
    public void AddMembers_SomeoneAlreadyIn_IsRefusedForThemOnly()
    {
        var group = FreshGroup(Bob);

        var addition = group.AddMembers(Creator, [Bob, Carol], Now, Limit).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(addition.Added, Is.EqualTo(new[] { Carol }));
            Assert.That(addition.Refused.Select(r => (r.UserId, r.Refusal.Code)), Is.EqualTo(new[] { (Bob, "already_member") }));
        }
    }

    [Test]
    public void AddMembers_BeyondTheLimit_AddsWhileThereIsRoom_AndRefusesTheRest()
    {
        var group = Conversation.CreateGroup(Creator, "G", null, null, [Bob], Now, memberLimit: 3).Value;

        var addition = group.AddMembers(Creator, [Carol, Dawit, Eden], Now, memberLimit: 3).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(addition.Added, Is.EqualTo(new[] { Carol }));
            Assert.That(addition.Refused.Select(r => r.UserId), Is.EqualTo(new[] { Dawit, Eden }));
            Assert.That(addition.Refused.Select(r => r.Refusal.Code), Has.All.EqualTo("group_member_limit_reached"));
            Assert.That(group.ActiveMemberIds.Count(), Is.EqualTo(3));
        }
    }

    [Test]
    public void AddMembers_TheLimitCountsOnlyActiveMembers()
    {
        var group = Conversation.CreateGroup(Creator, "G", null, null, [Bob, Carol], Now, memberLimit: 3).Value;
        group.Leave(Carol, Now.AddMinutes(1));

        var addition = group.AddMembers(Creator, [Dawit], Now.AddMinutes(2), memberLimit: 3).Value;

        Assert.That(addition.Added, Is.EqualTo(new[] { Dawit }));
    }

    [Test]
    public void AddMembers_NobodyAdded_RaisesNothing()
    {
        var group = FreshGroup(Bob);

        group.AddMembers(Creator, [Bob], Now, Limit);

        Assert.That(group.DomainEvents, Is.Empty);
    }

    [Test]
    public void AddMembers_AFormerMember_ReactivatesTheirOneMembership_FromTheMomentOfRejoining()
    {
        var group = FreshGroup(Bob);
        var bob = Member(group, Bob);
        bob.MarkReadUpTo(new MessageId(40), Now.AddMinutes(1));
        group.Leave(Bob, Now.AddMinutes(2));
        var rejoined = Now.AddDays(1);

        var addition = group.AddMembers(Creator, [Bob], rejoined, Limit).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(addition.Added, Is.EqualTo(new[] { Bob }));
            Assert.That(group.Participants.Count(p => p.UserId == Bob), Is.EqualTo(1), "one row per person and conversation");
            Assert.That(Member(group, Bob), Is.SameAs(bob));
            Assert.That(bob.IsActive, Is.True);
            Assert.That(bob.Role, Is.EqualTo(ParticipantRole.Member));
            Assert.That(bob.JoinedAt, Is.EqualTo(rejoined), "history is visible from the re-join on");
            Assert.That(bob.LeftAt, Is.Null);
            Assert.That(bob.LastReadMessageId, Is.Null);
        }
    }

    [Test]
    public void AddMembers_AFormerAdmin_ComesBackAsAMember()
    {
        var group = FreshGroup(Bob);
        group.ChangeRole(Creator, Bob, ParticipantRole.Admin, Now);
        group.Leave(Bob, Now.AddMinutes(1));

        group.AddMembers(Creator, [Bob], Now.AddMinutes(2), Limit);

        Assert.That(Member(group, Bob).Role, Is.EqualTo(ParticipantRole.Member));
    }

    [Test]
    public void RemoveMember_ByAnAdmin_EndsTheMembership_AndRaisesMemberRemoved()
    {
        var group = FreshGroup(Bob, Carol);
        var later = Now.AddHours(1);

        var removed = group.RemoveMember(Creator, Bob, later);

        Assert.That(removed.IsSuccess, Is.True);
        var removedEvent = group.DomainEvents.OfType<GroupMemberRemoved>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Member(group, Bob).IsActive, Is.False);
            Assert.That(Member(group, Bob).LeftAt, Is.EqualTo(later));
            Assert.That(group.ActiveMemberIds, Is.EquivalentTo(new[] { Creator, Carol }));
            Assert.That(removedEvent.RemovedBy, Is.EqualTo(Creator));
            Assert.That(removedEvent.Removed, Is.EqualTo(Bob));
            Assert.That(removedEvent.Left, Is.False);
        }
    }

    [Test]
    public void RemoveMember_ByAMemberWhoIsNotAdmin_IsRefused()
    {
        var group = FreshGroup(Bob, Carol);

        var removed = group.RemoveMember(Bob, Carol, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed.Error?.Code, Is.EqualTo("not_group_admin"));
            Assert.That(Member(group, Carol).IsActive, Is.True);
            Assert.That(group.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void RemoveMember_SomeoneWhoIsNotAMember_IsParticipantNotFound()
    {
        var group = FreshGroup(Bob);
        group.Leave(Bob, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(group.RemoveMember(Creator, Bob, Now).Error?.Code, Is.EqualTo("participant_not_found"));
            Assert.That(group.RemoveMember(Creator, Eden, Now).Error?.Code, Is.EqualTo("participant_not_found"));
        }
    }

    [Test]
    public void RemoveMember_Yourself_IsLeaving()
    {
        var group = FreshGroup(Bob);

        var removed = group.RemoveMember(Bob, Bob, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed.IsSuccess, Is.True);
            Assert.That(Member(group, Bob).IsActive, Is.False);
            Assert.That(group.DomainEvents.OfType<GroupMemberRemoved>().Single().Left, Is.True);
        }
    }

    [Test]
    public void RemoveMember_AnotherAdmin_IsAllowed()
    {
        var group = FreshGroup(Bob);
        group.ChangeRole(Creator, Bob, ParticipantRole.Admin, Now);

        var removed = group.RemoveMember(Bob, Creator, Now);

        Assert.That(removed.IsSuccess, Is.True);
    }

    [Test]
    public void Leave_ByAMember_KeepsTheAdmins()
    {
        var group = FreshGroup(Bob, Carol);

        group.Leave(Bob, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Member(group, Creator).Role, Is.EqualTo(ParticipantRole.Admin));
            Assert.That(Member(group, Carol).Role, Is.EqualTo(ParticipantRole.Member));
        }
    }

    [Test]
    public void Leave_ByTheLastAdmin_HandsAdminToTheLongestStandingMember()
    {
        var group = FreshGroup(Bob);
        group.AddMembers(Creator, [Carol], Now.AddDays(1), Limit);
        group.AddMembers(Creator, [Dawit], Now.AddDays(2), Limit);
        group.Leave(Bob, Now.AddDays(3));
        group.AddMembers(Creator, [Bob], Now.AddDays(4), Limit); // Bob came first, but his membership is now the newest

        group.Leave(Creator, Now.AddDays(5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Member(group, Carol).Role, Is.EqualTo(ParticipantRole.Admin));
            Assert.That(Member(group, Dawit).Role, Is.EqualTo(ParticipantRole.Member));
            Assert.That(Member(group, Bob).Role, Is.EqualTo(ParticipantRole.Member));
            Assert.That(Member(group, Creator).Role, Is.EqualTo(ParticipantRole.Member), "a former member holds no role");
        }
    }

    [Test]
    public void Leave_ByTheLastAdmin_AmongMembersWhoJoinedTogether_PicksTheOldestMembership()
    {
        var group = FreshGroup(Bob, Carol, Dawit);
        SetId(Member(group, Creator), 10);
        SetId(Member(group, Bob), 13);
        SetId(Member(group, Carol), 12);
        SetId(Member(group, Dawit), 11);

        group.Leave(Creator, Now.AddMinutes(1));

        Assert.That(group.Participants.Where(p => p.Role == ParticipantRole.Admin).Select(p => p.UserId), Is.EqualTo(new[] { Dawit }));
    }

    [Test]
    public void Leave_ByOneOfTwoAdmins_HandsNothingOver()
    {
        var group = FreshGroup(Bob, Carol);
        group.ChangeRole(Creator, Carol, ParticipantRole.Admin, Now);

        group.Leave(Creator, Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Member(group, Carol).Role, Is.EqualTo(ParticipantRole.Admin));
            Assert.That(Member(group, Bob).Role, Is.EqualTo(ParticipantRole.Member));
        }
    }

    [Test]
    public void Leave_ByTheLastPerson_LeavesAnEmptyGroup()
    {
        var group = FreshGroup();

        var left = group.Leave(Creator, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(left.IsSuccess, Is.True);
            Assert.That(group.ActiveMemberIds, Is.Empty);
        }
    }

    [Test]
    public void Leave_ByANonMember_IsConversationNotFound()
    {
        var group = FreshGroup(Bob);
        group.Leave(Bob, Now);

        Assert.That(group.Leave(Bob, Now).Error?.Code, Is.EqualTo("conversation_not_found"));
    }

    [Test]
    public void Post_AfterLeaving_IsRefused_AfterBeingReAdded_IsAllowed()
    {
        var group = FreshGroup(Bob);
        var text = MessageBody.Text("hello").Value;
        group.Leave(Bob, Now);

        var whileAway = group.Post(Bob, text, null, Now.AddMinutes(1));
        group.AddMembers(Creator, [Bob], Now.AddMinutes(2), Limit);
        var afterReturn = group.Post(Bob, text, null, Now.AddMinutes(3));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileAway.Error?.Code, Is.EqualTo("conversation_not_found"));
            Assert.That(afterReturn.IsSuccess, Is.True);
        }
    }

    [Test]
    public void ChangeRole_PromotingAMember_MakesThemAdmin_AndRaisesGroupUpdated()
    {
        var group = FreshGroup(Bob);

        var changed = group.ChangeRole(Creator, Bob, ParticipantRole.Admin, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed.IsSuccess, Is.True);
            Assert.That(Member(group, Bob).Role, Is.EqualTo(ParticipantRole.Admin));
            Assert.That(group.DomainEvents.OfType<GroupUpdated>().Single().UpdatedBy, Is.EqualTo(Creator));
        }
    }

    [Test]
    public void ChangeRole_DemotingAnotherAdmin_IsAllowed()
    {
        var group = FreshGroup(Bob);
        group.ChangeRole(Creator, Bob, ParticipantRole.Admin, Now);

        var changed = group.ChangeRole(Bob, Creator, ParticipantRole.Member, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed.IsSuccess, Is.True);
            Assert.That(Member(group, Creator).Role, Is.EqualTo(ParticipantRole.Member));
        }
    }

    [Test]
    public void ChangeRole_DemotingTheLastAdmin_IsRefused()
    {
        var group = FreshGroup(Bob);

        var changed = group.ChangeRole(Creator, Creator, ParticipantRole.Member, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed.Error?.Code, Is.EqualTo("group_needs_an_admin"));
            Assert.That(Member(group, Creator).Role, Is.EqualTo(ParticipantRole.Admin));
        }
    }

    [Test]
    public void ChangeRole_ByAMemberWhoIsNotAdmin_IsRefused()
    {
        var group = FreshGroup(Bob, Carol);

        var changed = group.ChangeRole(Bob, Bob, ParticipantRole.Admin, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed.Error?.Code, Is.EqualTo("not_group_admin"));
            Assert.That(Member(group, Bob).Role, Is.EqualTo(ParticipantRole.Member));
        }
    }

    [Test]
    public void ChangeRole_OfSomeoneNotInTheGroup_IsParticipantNotFound()
    {
        var group = FreshGroup(Bob);

        Assert.That(group.ChangeRole(Creator, Eden, ParticipantRole.Admin, Now).Error?.Code, Is.EqualTo("participant_not_found"));
    }

    [Test]
    public void ChangeRole_ToTheRoleTheyHave_ChangesNothingAndRaisesNothing()
    {
        var group = FreshGroup(Bob);

        var changed = group.ChangeRole(Creator, Bob, ParticipantRole.Member, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed.IsSuccess, Is.True);
            Assert.That(group.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void RenameAndDescribe_ByAnAdmin_ChangeTheDetails_WithOneUpdateEvent()
    {
        var group = FreshGroup(Bob);

        var renamed = group.Rename(Creator, "  Grade 10 Maths ", Now);
        var described = group.ChangeDescription(Creator, "Exam prep", Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(renamed.IsSuccess && described.IsSuccess, Is.True);
            Assert.That(group.Name, Is.EqualTo("Grade 10 Maths"));
            Assert.That(group.Description, Is.EqualTo("Exam prep"));
            Assert.That(group.DomainEvents, Has.Count.EqualTo(1));
            Assert.That(group.DomainEvents.Single(), Is.TypeOf<GroupUpdated>());
        }
    }

    [Test]
    public void ChangeDescription_ToBlank_RemovesIt()
    {
        var group = Conversation.CreateGroup(Creator, "G", "Old", null, [], Now, Limit).Value;

        group.ChangeDescription(Creator, "", Now);

        Assert.That(group.Description, Is.Null);
    }

    [Test]
    public void ChangeAvatar_ByAnAdmin_SetsIt_TooLongIsRefused()
    {
        var group = FreshGroup(Bob);

        var set = group.ChangeAvatar(Creator, "/api/chat/media/12", Now);
        var tooLong = group.ChangeAvatar(Creator, new string('a', Conversation.MaxAvatarUrlLength + 1), Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.IsSuccess, Is.True);
            Assert.That(group.AvatarUrl, Is.EqualTo("/api/chat/media/12"));
            Assert.That(tooLong.Error?.Code, Is.EqualTo("invalid_avatar_url"));
        }
    }

    [Test]
    public void Rename_ToTheSameName_RaisesNothing()
    {
        var group = FreshGroup(Bob);

        group.Rename(Creator, "Grade 9 Maths", Now);

        Assert.That(group.DomainEvents, Is.Empty);
    }

    [TestCase("")]
    [TestCase("  ")]
    public void Rename_ToNothing_IsRefused(string name)
    {
        var group = FreshGroup(Bob);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(group.Rename(Creator, name, Now).Error?.Code, Is.EqualTo("invalid_group_name"));
            Assert.That(group.Name, Is.EqualTo("Grade 9 Maths"));
        }
    }

    [Test]
    public void DetailChanges_ByAMemberWhoIsNotAdmin_AreRefused()
    {
        var group = FreshGroup(Bob);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(group.Rename(Bob, "Mine now", Now).Error?.Code, Is.EqualTo("not_group_admin"));
            Assert.That(group.ChangeDescription(Bob, "x", Now).Error?.Code, Is.EqualTo("not_group_admin"));
            Assert.That(group.ChangeAvatar(Bob, "/x.png", Now).Error?.Code, Is.EqualTo("not_group_admin"));
            Assert.That(group.Name, Is.EqualTo("Grade 9 Maths"));
        }
    }

    [TestCase(1, 2)]
    [TestCase(1, 1)]
    public void GroupOperations_OnADirectChatOrNotes_AreRefusedAsNotAGroup(int caller, int other)
    {
        var conversation = Conversation.OpenDirect(new UserId(caller), new UserId(other), Now);
        var me = new UserId(caller);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation.CheckAdmin(me).Error?.Code, Is.EqualTo("not_a_group"));
            Assert.That(conversation.AddMembers(me, [Carol], Now, Limit).Error?.Code, Is.EqualTo("not_a_group"));
            Assert.That(conversation.RemoveMember(me, new UserId(other), Now).Error?.Code, Is.EqualTo("not_a_group"));
            Assert.That(conversation.Leave(me, Now).Error?.Code, Is.EqualTo("not_a_group"));
            Assert.That(conversation.ChangeRole(me, me, ParticipantRole.Admin, Now).Error?.Code, Is.EqualTo("not_a_group"));
            Assert.That(conversation.Rename(me, "x", Now).Error?.Code, Is.EqualTo("not_a_group"));
            Assert.That(conversation.ChangeDescription(me, "x", Now).Error?.Code, Is.EqualTo("not_a_group"));
            Assert.That(conversation.ChangeAvatar(me, "x", Now).Error?.Code, Is.EqualTo("not_a_group"));
            Assert.That(conversation.ActiveMemberIds, Does.Contain(me), "still a member of their chat");
        }
    }

    [Test]
    public void GroupOperations_OnADirectChat_ByAnOutsider_RevealNothing()
    {
        var conversation = Conversation.OpenDirect(Bob, Carol, Now);

        Assert.That(conversation.AddMembers(Eden, [Dawit], Now, Limit).Error?.Code, Is.EqualTo("conversation_not_found"));
    }

    [Test]
    public void CheckAdmin_TellsAdminsFromMembers()
    {
        var group = FreshGroup(Bob);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(group.CheckAdmin(Creator).IsSuccess, Is.True);
            Assert.That(group.CheckAdmin(Bob).Error?.Code, Is.EqualTo("not_group_admin"));
            Assert.That(group.CheckAdmin(Eden).Error?.Code, Is.EqualTo("conversation_not_found"));
        }
    }
}
