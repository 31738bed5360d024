using Astegni.Chat.Application.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Astegni.Chat.Infrastructure.Persistence.Configurations;

/// <summary>Stores an enum as the snake_case text Astegni's tables use ('direct', 'admin', 'connections').</summary>
internal sealed class WireEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => WireValue.Of(value),
    text => WireValue.Parse<TEnum>(text))
    where TEnum : struct, Enum;
