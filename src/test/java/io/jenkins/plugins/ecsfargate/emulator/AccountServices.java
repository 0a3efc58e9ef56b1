package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Clock;
import java.util.Random;

/**
 * The emulated account's non-ECS services on one clock: IAM and STS sharing one {@link IamAccount} (roles,
 * policies, trust), and Cloud Map over one {@link CloudMapDirectory}. Tests set the state up through
 * {@link #iam()}, {@link #sts()} and {@link #cloudMap()} and register the three services with an emulator:
 * <pre>{@code
 * @RegisterExtension
 * final EcsEmulatorExtension aws = new EcsEmulatorExtension()
 *         .configure(emulator -> account = AccountServices.create(emulator.clock()).registerWith(emulator));
 * }</pre>
 */
public final class AccountServices {

    private final IamAccount iam;
    private final CloudMapDirectory cloudMap;
    private final IamService iamService;
    private final StsService stsService;
    private final CloudMapService cloudMapService;

    private AccountServices(IamAccount iam, CloudMapDirectory cloudMap, long seed) {
        this.iam = iam;
        this.cloudMap = cloudMap;
        this.iamService = new IamService(iam);
        this.stsService = new StsService(iam);
        this.cloudMapService = new CloudMapService(cloudMap, new Random(seed));
    }

    /** Account {@value IamAccount#DEFAULT_ACCOUNT_ID} in us-east-1, ids seeded with {@code seed}. */
    public static AccountServices create(Clock clock, long seed) {
        return new AccountServices(
                new IamAccount(IamAccount.DEFAULT_ACCOUNT_ID, clock, new Random(seed)),
                new CloudMapDirectory("us-east-1", IamAccount.DEFAULT_ACCOUNT_ID, clock, new Random(seed)),
                seed);
    }

    /** The default account with a fixed seed. */
    public static AccountServices create(Clock clock) {
        return create(clock, 1L);
    }

    /** Registers IAM, STS and Cloud Map with the emulator. */
    public AccountServices registerWith(EcsEmulator emulator) {
        emulator.register(iamService).register(stsService).register(cloudMapService);
        return this;
    }

    /** Roles, trust and permission policies. */
    public IamAccount iam() {
        return iam;
    }

    /** Caller identity, AssumeRole counts and issued sessions. */
    public StsService sts() {
        return stsService;
    }

    /** Namespaces, services and instances. */
    public CloudMapDirectory cloudMap() {
        return cloudMap;
    }
}
