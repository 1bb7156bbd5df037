package dev.serverlessapis.domain.user;

import dev.serverlessapis.domain.shared.Deadline;
import dev.serverlessapis.domain.shared.Page;
import dev.serverlessapis.domain.shared.PageRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The port's contract in a few lines, for use-case tests; the DynamoDB adapter is tested against DynamoDB Local.
 * {@link #beforeNextWrite} lets a test slip a concurrent write in between a use case's read and its write.
 */
public final class InMemoryUserProfiles implements UserProfiles {
    private final TreeMap<String, StoredProfile> profiles = new TreeMap<>();
    private final Deque<Runnable> interleaved = new ArrayDeque<>();
    private long incarnations;

    /** Profiles stored as if before ownership was kept: without an owner, so the admins' alone (and of no named incarnation). */
    public InMemoryUserProfiles with(UserProfile... stored) {
        for (var profile : stored) {
            profiles.put(profile.id().value(), new StoredProfile(profile, Version.first(Incarnation.UNNAMED), Optional.empty()));
        }
        return this;
    }

    public InMemoryUserProfiles owned(ProfileOwner owner, UserProfile... stored) {
        for (var profile : stored) {
            profiles.put(profile.id().value(), new StoredProfile(profile, Version.first(newIncarnation()), Optional.of(owner)));
        }
        return this;
    }

    public void beforeNextWrite(Runnable concurrentWrite) {
        interleaved.add(concurrentWrite);
    }

    @Override
    public synchronized Creation create(UserProfile profile, ProfileOwner owner) {
        if (profiles.containsKey(profile.id().value())) {
            return new IdTaken();
        }
        if (emailTakenByAnother(profile)) {
            return new EmailTaken();
        }
        var stored = new StoredProfile(profile, Version.first(newIncarnation()), Optional.of(owner));
        profiles.put(profile.id().value(), stored);
        return new Created(stored);
    }

    @Override
    public synchronized Optional<StoredProfile> find(UserId id) {
        return Optional.ofNullable(profiles.get(id.value()));
    }

    @Override
    public synchronized Optional<StoredProfile> findByEmail(Email email) {
        return profiles.values().stream()
                .filter(stored -> stored.profile().email().map(email::sameAddressAs).orElse(false))
                .findFirst();
    }

    @Override
    public synchronized Page<StoredProfile> list(PageRequest page) {
        var remaining = page.cursor().map(after -> profiles.tailMap(after, false)).orElse(profiles).values();
        var items = remaining.stream().limit(page.limit()).toList();
        var more = remaining.size() > items.size();
        return new Page<>(items, more ? Optional.of(items.getLast().id().value()) : Optional.empty());
    }

    @Override
    public synchronized Replacement replace(StoredProfile current, UserProfile replacement) {
        runInterleaved();
        if (!isCurrent(current)) {
            return new Changed();
        }
        if (emailTakenByAnother(replacement)) {
            return new EmailTaken();
        }
        var next = current.replacedBy(replacement);
        profiles.put(replacement.id().value(), next);
        return new Replaced(next);
    }

    @Override
    public synchronized Deletion delete(StoredProfile current) {
        runInterleaved();
        if (!isCurrent(current)) {
            return new Changed();
        }
        profiles.remove(current.id().value());
        return new Deleted();
    }

    @Override
    public synchronized Sweep deleteAll(Deadline deadline) {
        long deleted = 0;
        var ids = new ArrayList<>(profiles.keySet()).iterator();
        do {
            if (ids.hasNext()) {
                profiles.remove(ids.next());
                deleted++;
            }
        } while (ids.hasNext() && !deadline.passed());
        return new Sweep(deleted, ids.hasNext());
    }

    /** Named by a count: this store's names need only differ from each other. */
    private synchronized Incarnation newIncarnation() {
        incarnations++;
        return Incarnation.named("memory-" + incarnations);
    }

    private void runInterleaved() {
        var pending = new ArrayList<>(interleaved);
        interleaved.clear();
        pending.forEach(Runnable::run);
    }

    private boolean isCurrent(StoredProfile current) {
        var stored = profiles.get(current.id().value());
        return stored != null && stored.version().equals(current.version());
    }

    private boolean emailTakenByAnother(UserProfile profile) {
        return profile.email().flatMap(this::findByEmail).filter(owner -> !owner.id().equals(profile.id())).isPresent();
    }
}
