package dev.serverlessapis.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.serverlessapis.local.dynamodb.LocalDynamoDb;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB Local accepts any signature, so whoever reaches it reads every profile and address: while {@code make run}
 * is up it must answer on loopback only, never on the machine's other addresses.
 */
class LocalDynamoDbNetworkTest {

    @Test
    void dynamoDbLocalAnswersOnLoopbackAndOnNoOtherAddressOfTheMachine() throws Exception {
        var others = nonLoopbackAddresses();
        assumeThat(others).as("this machine has an address besides loopback").isNotEmpty();
        try (var dynamoDb = LocalDynamoDb.start(Optional.empty())) {
            var port = dynamoDb.endpoint().getPort();
            assertThat(dynamoDb.client().listTables().tableNames()).isEmpty();

            for (var address : others) {
                assertThatThrownBy(() -> connect(address, port)).as("connecting on %s:%d", address.getHostAddress(), port)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException gone) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address || !address.isLinkLocalAddress())
                .toList();
    }
}
