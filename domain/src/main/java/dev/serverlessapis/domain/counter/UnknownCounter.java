package dev.serverlessapis.domain.counter;

import dev.serverlessapis.domain.shared.NotFoundException;

final class UnknownCounter {
    private UnknownCounter() {
    }

    static NotFoundException named(CounterName name) {
        return new NotFoundException("There is no counter named '" + name + "'.");
    }
}
