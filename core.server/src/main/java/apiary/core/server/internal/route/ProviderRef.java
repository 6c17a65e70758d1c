package apiary.core.server.internal.route;

/** Identity of one registered {@code RouteProvider} service: who registered it and how it ranks. */
final class ProviderRef {
    final long serviceId;
    final int ranking;
    final long bundleId;
    final String bundleSymbolicName;

    ProviderRef(long serviceId, int ranking, long bundleId, String bundleSymbolicName) {
        this.serviceId = serviceId;
        this.ranking = ranking;
        this.bundleId = bundleId;
        this.bundleSymbolicName = bundleSymbolicName;
    }

    /** Higher ranking wins; on a tie the older service (lower id) wins, as in every OSGi whiteboard. */
    boolean beats(ProviderRef other) {
        if (ranking != other.ranking) {
            return ranking > other.ranking;
        }
        return serviceId < other.serviceId;
    }

    @Override
    public String toString() {
        return bundleSymbolicName + " (service " + serviceId + ", ranking " + ranking + ")";
    }
}
