using Astegni.Chat.Domain.Common;
using Mediator;

namespace Astegni.Chat.Application.Common;

// Every use case answers with a Result, so validation and policy refusals travel as values and
// the pipeline behaviours can build a failed result of any use case's type.
public interface IChatCommand<TResult> : ICommand<Result<TResult>>;

public interface IChatCommand : ICommand<Result>;

public interface IChatQuery<TResult> : IQuery<Result<TResult>>;

/// <summary>
/// A command that stores nothing (typing, going online, call signals): the unit of work opens no transaction
/// for it. It pushes what it has to say itself and records no domain events, since nothing would write them.
/// </summary>
public interface IStoresNothing;
