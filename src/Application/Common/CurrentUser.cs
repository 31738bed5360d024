using Astegni.Chat.Application.Abstractions;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Common;

/// <summary>
/// The caller of the current scope. The Api sets it from the validated token; another Astegni module
/// calling chat in-process sets it once, for the user it acts for, before sending commands.
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    private UserId? _id;

    public UserId Id => _id ?? throw new InvalidOperationException("No caller was set for this scope.");

    public bool IsSet => _id is not null;

    public void Set(UserId id)
    {
        if (_id is { } existing && existing != id)
        {
            throw new InvalidOperationException("The caller of a scope cannot change.");
        }

        _id = id;
    }
}
