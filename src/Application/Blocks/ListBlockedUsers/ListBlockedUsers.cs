using System.Text.Json.Serialization;
using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Astegni.Chat.Application.Blocks.ListBlockedUsers;

/// <summary>The people I blocked, most recent first.</summary>
public sealed record ListBlockedUsers(int? Limit = null, string? Cursor = null) : IChatQuery<BlockedUsersPage>;

public sealed record BlockedUserView(int UserId, string Name, string? AvatarUrl, string? Reason, DateTimeOffset BlockedAt)
{
    /// <summary>The same as <see cref="UserId"/>, under the name Astegni's old chat modal reads.</summary>
    public int BlockedUserId => UserId;

    /// <summary>Old clients only: the blocked person's role profile (the modal matches blocks to conversations by it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BlockedProfileId { get; init; }

    /// <inheritdoc cref="BlockedProfileId"/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BlockedProfileType { get; init; }
}

public sealed record BlockedUsersPage(IReadOnlyList<BlockedUserView> Blocked, string? NextCursor);

public sealed class ListBlockedUsersHandler(IChatDbContext db, ICurrentUser currentUser)
    : IQueryHandler<ListBlockedUsers, Result<BlockedUsersPage>>
{
    public async ValueTask<Result<BlockedUsersPage>> Handle(ListBlockedUsers query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? Paging.DefaultLimit;
        var blocks = db.Blocks.AsNoTracking().Where(b => b.BlockerUserId == currentUser.Id);
        if (Cursor.TryDecode(query.Cursor, out var cursor))
        {
            var after = new BlockId(cursor.Id);
            blocks = blocks.Where(b => b.Id < after);
        }

        var rows = await (
            from b in blocks.OrderByDescending(b => b.Id).Take(limit + 1)
            join u in db.Users on b.BlockedUserId equals u.Id into found
            from u in found.DefaultIfEmpty()
            orderby b.Id descending
            select new { Block = b, User = u }).ToListAsync(cancellationToken);

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = new Cursor(0, rows[^1].Block.Id.Value).Encode();
        }

        var views = rows.ConvertAll(r => new BlockedUserView(
            r.Block.BlockedUserId.Value,
            DisplayName.Of(r.User?.FirstName, r.User?.FatherName, r.User?.LastName, r.User?.Email),
            r.User?.ProfilePicture,
            r.Block.Reason,
            r.Block.BlockedAt));
        return new BlockedUsersPage(views, next);
    }
}
