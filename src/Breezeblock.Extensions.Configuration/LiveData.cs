using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Breezeblock.Extensions.Configuration;

/// <summary>
/// The provider's keys as the base provider reads them: the published configuration, or on one thread
/// a candidate configuration that is not published yet. A reload fires the change token with the
/// candidate visible only on the reloading thread, where options monitors recompute (and validate)
/// at once; everyone else goes on seeing the published keys until the candidate passes.
/// </summary>
internal sealed class LiveData : IDictionary<string, string?>
{
    [ThreadStatic]
    private static (LiveData Owner, IDictionary<string, string?> Keys)? t_candidate;

    private IDictionary<string, string?> _published = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The configuration every thread sees.</summary>
    public IDictionary<string, string?> Published
    {
        get => Volatile.Read(ref _published);
        set => Volatile.Write(ref _published, value); // one reference: a reader sees the old keys or the new, never part of each
    }

    /// <summary>Shows <paramref name="candidate"/> to the calling thread alone until the scope ends.</summary>
    public CandidateScope Show(IDictionary<string, string?> candidate)
    {
        t_candidate = (this, candidate);
        return default;
    }

    private IDictionary<string, string?> Current => t_candidate is { } shown && ReferenceEquals(shown.Owner, this) ? shown.Keys : Published;

    public readonly struct CandidateScope : IDisposable
    {
        public void Dispose() => t_candidate = null;
    }

    public string? this[string key]
    {
        get => Current[key];
        set => Current[key] = value;
    }

    public ICollection<string> Keys => Current.Keys;

    public ICollection<string?> Values => Current.Values;

    public int Count => Current.Count;

    public bool IsReadOnly => false;

    public void Add(string key, string? value) => Current.Add(key, value);

    public void Add(KeyValuePair<string, string?> item) => Current.Add(item);

    public void Clear() => Current.Clear();

    public bool Contains(KeyValuePair<string, string?> item) => Current.Contains(item);

    public bool ContainsKey(string key) => Current.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, string?>[] array, int arrayIndex) => Current.CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => Current.GetEnumerator();

    public bool Remove(string key) => Current.Remove(key);

    public bool Remove(KeyValuePair<string, string?> item) => Current.Remove(item);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value) => Current.TryGetValue(key, out value);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
