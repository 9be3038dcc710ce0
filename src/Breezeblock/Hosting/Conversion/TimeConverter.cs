using System.Globalization;
using Breezeblock.Python;

namespace Breezeblock;

/// <summary>DateTime and DateTimeOffset as datetime.datetime, DateOnly as datetime.date, TimeSpan as datetime.timedelta.</summary>
internal sealed class TimeConverter(Type type) : Converter
{
    public static bool Supports(Type type) =>
        type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(DateOnly);

    public override string PythonType => type == typeof(TimeSpan) ? "datetime.timedelta" : type == typeof(DateOnly) ? "datetime.date" : "datetime.datetime";

    public override object? FromPython(PyArgument value, string what)
    {
        var python = PythonHelpers.Get();
        using var owned = value.ToPyObject();
        if (type == typeof(TimeSpan))
        {
            if (!python.IsInstance(owned, python.TimeDelta))
            {
                throw WrongType(what, PythonType, value);
            }
            var days = owned.GetAttr("days").As<long>();
            var seconds = owned.GetAttr("seconds").As<long>();
            var microseconds = owned.GetAttr("microseconds").As<long>();
            return TimeSpan.FromDays(days) + TimeSpan.FromSeconds(seconds) + TimeSpan.FromTicks(microseconds * 10);
        }
        if (type == typeof(DateOnly))
        {
            if (!python.IsInstance(owned, python.Date) || python.IsInstance(owned, python.DateTime))
            {
                throw WrongType(what, PythonType, value);
            }
            return DateOnly.ParseExact(Iso(owned), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (!python.IsInstance(owned, python.DateTime))
        {
            throw WrongType(what, PythonType, value);
        }
        var text = Iso(owned);
        return type == typeof(DateTimeOffset)
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    public override object? ToPython(object? value)
    {
        var python = PythonHelpers.Get();
        return value switch
        {
            TimeSpan span => python.TimeDelta.Call([span.Days, span.Hours * 3600 + span.Minutes * 60 + span.Seconds, (span.Ticks % TimeSpan.TicksPerSecond) / 10]),
            DateOnly date => python.DateFromIso.Call(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            // Python before 3.11 reads only what isoformat() writes: six fractional digits, +HH:MM offsets.
            DateTimeOffset offset => python.DateTimeFromIso.Call(offset.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture)),
            DateTime time => python.DateTimeFromIso.Call(time.ToString(time.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'" : time.Kind == DateTimeKind.Local ? "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture)),
            _ => value,
        };
    }

    private static string Iso(PyObject value)
    {
        using var isoformat = value.GetAttr("isoformat");
        return isoformat.Call<string>();
    }
}

/// <summary>Guid (uuid.UUID or its text) and Uri (str).</summary>
internal sealed class TextValueConverter(Type type) : Converter
{
    public override string PythonType => type == typeof(Guid) ? "uuid.UUID" : "str";

    public override object? FromPython(PyArgument value, string what)
    {
        if (type == typeof(Uri))
        {
            return value.IsStr
                ? Uri.TryCreate(value.AsString(), UriKind.RelativeOrAbsolute, out var uri) ? uri : throw PythonErrorException.ValueError(Messages.NotAUri(what, value.Repr()))
                : throw WrongType(what, "str", value);
        }
        var python = PythonHelpers.Get();
        using var owned = value.ToPyObject();
        if (!value.IsStr && !python.IsInstance(owned, python.Uuid))
        {
            throw WrongType(what, "uuid.UUID", value);
        }
        return Guid.TryParse(owned.ToString(), out var guid) ? guid : throw PythonErrorException.ValueError(Messages.NotAUuid(what, value.Repr()));
    }

    public override object? ToPython(object? value) => value switch
    {
        Guid guid => PythonHelpers.Get().Uuid.Call(guid.ToString()),
        Uri uri => uri.OriginalString,
        _ => value,
    };
}
