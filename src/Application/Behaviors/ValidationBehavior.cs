using System.Text.Json;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Domain.Common;
using FluentValidation;
using Mediator;

namespace Astegni.Chat.Application.Behaviors;

/// <summary>Runs the use case's validators; invalid input never reaches the handler.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IFailable<TResponse>
{
    public const string GenericCode = "validation_failed";

    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        return TResponse.Failure(ToError(failures));
    }

    private static Error ToError(List<FluentValidation.Results.ValidationFailure> failures)
    {
        // Text that cannot be stored is answered first: what else is wrong with it hardly matters.
        if (failures.Exists(f => f.ErrorCode == ValidationRules.InvalidCharactersCode))
        {
            failures = failures.FindAll(f => f.ErrorCode == ValidationRules.InvalidCharactersCode);
        }

        // Clients see the snake_case field names they sent. The code is the rule's own code when
        // every failure shares one (e.g. message_too_long), else the generic one.
        var fields = failures
            .GroupBy(f => JsonNamingPolicy.SnakeCaseLower.ConvertName(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var codes = failures.Select(f => f.ErrorCode).Distinct().ToArray();
        var code = codes.Length == 1 && IsOwnCode(codes[0]) ? codes[0] : GenericCode;
        var message = failures.Count == 1 ? failures[0].ErrorMessage : "Some fields are not valid.";
        return Error.Validation(code, message) with { FieldErrors = fields };
    }

    // FluentValidation's built-in codes look like "NotEmptyValidator"; ours are snake_case.
    private static bool IsOwnCode(string code) => code.Length > 0 && code.All(c => char.IsAsciiLetterLower(c) || c == '_');
}
