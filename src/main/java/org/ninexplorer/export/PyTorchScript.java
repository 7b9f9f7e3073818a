package org.ninexplorer.export;

import org.ninexplorer.model.Architecture;
import org.ninexplorer.model.Dense;
import org.ninexplorer.model.Dropout;
import org.ninexplorer.model.GlobalAvgPool;
import org.ninexplorer.model.Layer;
import org.ninexplorer.model.LayerReport;
import org.ninexplorer.model.MaxPool;
import org.ninexplorer.model.NinBlock;
import org.ninexplorer.training.Hyperparameters;
import org.ninexplorer.training.LearningRateSchedule;
import org.ninexplorer.training.Optimizer;

import java.util.ArrayList;
import java.util.List;

/**
 * A PyTorch script in the style of Dive into Deep Learning's NiN chapter: {@code nin_block}, the net as one
 * {@code nn.Sequential} whose children are our top-level layers (and a final {@code nn.Flatten} for the class
 * scores), so its shape printout ({@code 0 output shape: torch.Size([1, 96, 54, 54])}) numbers its lines as
 * {@code nin-explorer shapes} does. Run with no arguments it prints the shapes; {@code --train} trains it on
 * Fashion-MNIST with the recipe's settings as defaults and prints each epoch as {@code nin-explorer train} does.
 */
public final class PyTorchScript {

    private PyTorchScript() {
    }

    /** The script for {@code arch}, which must be possible; {@code source} names it in the docstring. */
    public static String write(Architecture arch, Hyperparameters recipe, String source) {
        ExportedNet net = ExportedNet.of(arch, recipe, source);
        StringBuilder py = new StringBuilder();
        py.append("\"\"\"NiN (Network in Network) for ").append(net.description()).append(", from NiN Explorer's ")
                .append(net.source()).append(".\n\n")
                .append("Run as it is, this prints each layer's output shape. With --train it trains the net on\n")
                .append("Fashion-MNIST (torchvision downloads it to --data-dir), by default with NiN Explorer's recipe\n")
                .append("for this net: ").append(recipe.summary()).append(".\n\"\"\"\n")
                .append("import argparse\nimport math\nimport time\n\nimport torch\nfrom torch import nn\n\n\n");
        py.append(ninBlock(arch)).append("\n\n");
        py.append("net = nn.Sequential(\n");
        List<String> children = new ArrayList<>();
        int classBlock = classBlock(arch);
        for (int i = 0; i < arch.layers().size(); i++) {
            String child = child(arch.layers().get(i), net.analysis().reports().get(i), i == arch.layers().size() - 1);
            children.add(i == classBlock ? "    # the last block makes one channel per class; global average pooling"
                    + " turns each into a score\n" + child : child);
        }
        children.add("    # the class scores as a (batch size, " + arch.classes() + ") matrix\n    nn.Flatten()");
        py.append(String.join(",\n", children)).append(")\n\n\n");
        py.append(shapes(arch)).append("\n\n").append(initWeights(recipe.weightInit())).append(data(arch)).append("\n\n").append(EVALUATE).append("\n\n").append(train(recipe))
                .append("\n\n").append(main(arch, recipe));
        return py.toString();
    }

    private static String child(Layer layer, LayerReport report, boolean last) {
        return switch (layer.kind()) {
            case NIN -> {
                NinBlock b = (NinBlock) layer;
                yield "    nin_block(" + report.input().channels() + ", " + b.channels() + ", kernel_size=" + b.kernel()
                        + ", strides=" + b.stride() + ", padding=" + b.padding()
                        + (b.mlp() == NinBlock.DEFAULT_MLP ? "" : ", mlp=" + b.mlp())
                        + (b.mlpKernel() == NinBlock.DEFAULT_MLP_KERNEL ? "" : ", mlp_kernel=" + b.mlpKernel()) + ")";
            }
            case MAXPOOL -> {
                MaxPool p = (MaxPool) layer;
                yield "    nn.MaxPool2d(" + p.kernel() + ", stride=" + p.stride() + ")";
            }
            case DROPOUT -> "    nn.Dropout(" + ExportedNet.literal(((Dropout) layer).p()) + ")";
            case GAP -> "    nn.AdaptiveAvgPool2d((1, 1))";
            // A dense layer flattens what comes before it; the last one's outputs are the class scores, without a ReLU.
            case DENSE -> "    nn.Sequential(nn.Flatten(), nn.Linear(" + report.input().elements() + ", "
                    + ((Dense) layer).units() + ")" + (last ? "" : ", nn.ReLU()") + ")";
        };
    }

    /** The block whose channels become the class scores when the net ends with global average pooling, or -1. */
    private static int classBlock(Architecture arch) {
        List<Layer> layers = arch.layers();
        if (!(layers.get(layers.size() - 1) instanceof GlobalAvgPool)) {
            return -1;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof NinBlock) {
                return i;
            }
        }
        return -1;
    }

    /** The book's block, or, when a block has another form, one that takes the number and kernel of the rest. */
    private static String ninBlock(Architecture arch) {
        boolean bookForm = arch.layers().stream().allMatch(l -> !(l instanceof NinBlock b) || b.isDefaultForm());
        return bookForm ? NIN_BLOCK : NIN_BLOCK_OF_ANY_FORM;
    }

    private static final String NIN_BLOCK = """
            def nin_block(in_channels, out_channels, kernel_size, strides, padding):
                return nn.Sequential(
                    nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding),
                    nn.ReLU(),
                    nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU(),
                    nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU())
            """;

    private static final String NIN_BLOCK_OF_ANY_FORM = """
            def nin_block(in_channels, out_channels, kernel_size, strides, padding, mlp=2, mlp_kernel=1):
                # after the first convolution, mlp more that keep the size: 1x1, or 3x3 with padding 1
                layers = [nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding), nn.ReLU()]
                for _ in range(mlp):
                    layers += [nn.Conv2d(out_channels, out_channels, kernel_size=mlp_kernel, padding=mlp_kernel // 2),
                               nn.ReLU()]
                return nn.Sequential(*layers)
            """;

    private static String shapes(Architecture arch) {
        return """
                def print_shapes():
                    X = torch.rand(size=(1, %d, %d, %d))
                    for name, blk in net.named_children():
                        X = blk(X)
                        print(name, 'output shape:', X.shape)
                """.formatted(arch.input().channels(), arch.input().height(), arch.input().width());
    }

    /** NiN Explorer's initialisation; PyTorch's own needs no code. */
    private static String initWeights(Hyperparameters.WeightInitChoice choice) {
        String weights = switch (choice) {
            case XAVIER -> "        nn.init.xavier_uniform_(m.weight)\n";
            case HE -> "        nn.init.kaiming_normal_(m.weight, nonlinearity='relu')\n";
            case UNIFORM -> "        bound = 1 / m.weight[0].numel() ** 0.5  # U(-1/sqrt(fan-in), 1/sqrt(fan-in))\n"
                    + "        nn.init.uniform_(m.weight, -bound, bound)\n";
            case PYTORCH -> null;
        };
        return weights == null ? "" : "def init_weights(m):\n    if type(m) in (nn.Linear, nn.Conv2d):\n" + weights
                + "        nn.init.zeros_(m.bias)\n\n\n";
    }

    private static String data(Architecture arch) {
        List<String> transforms = new ArrayList<>();
        if (arch.input().channels() == 3) {
            transforms.add("transforms.Grayscale(num_output_channels=3)");
        }
        if (arch.input().height() != 28 || arch.input().width() != 28) {
            transforms.add("transforms.Resize((" + arch.input().height() + ", " + arch.input().width() + "))");
        }
        transforms.add("transforms.ToTensor()");
        return """
                def load_data_fashion_mnist(batch_size, data_dir):
                    import torchvision
                    from torchvision import transforms
                    trans = transforms.Compose([%s])
                    train = torchvision.datasets.FashionMNIST(root=data_dir, train=True, transform=trans, download=True)
                    test = torchvision.datasets.FashionMNIST(root=data_dir, train=False, transform=trans, download=True)
                    return (torch.utils.data.DataLoader(train, batch_size, shuffle=True, num_workers=2),
                            torch.utils.data.DataLoader(test, batch_size, shuffle=False, num_workers=2))
                """.formatted(String.join(", ", transforms));
    }

    private static final String EVALUATE = """
            def evaluate_accuracy(data_iter, net, device):
                net.eval()
                correct, n = 0, 0
                with torch.no_grad():
                    for X, y in data_iter:
                        X, y = X.to(device), y.to(device)
                        correct += (net(X).argmax(dim=1) == y).sum().item()
                        n += y.shape[0]
                net.train()
                return correct / n
            """;

    private static String train(Hyperparameters recipe) {
        String optimizer = recipe.optimizer() == Optimizer.ADAM ? "torch.optim.Adam(net.parameters(), lr=lr)"
                : "torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9, nesterov=True)";
        String factor = switch (recipe.schedule()) {
            case CONSTANT -> null;
            case COSINE -> "0.5 * (1 + math.cos(math.pi * min(1.0, i / total)))";
            case WARMUP_COSINE -> "0.5 * (1 + math.cos(math.pi * min(1.0, i / total))) * min(1.0, (i + 1) / "
                    + LearningRateSchedule.WARMUP_ITERATIONS + ")";
        };
        return """
                def train(net, train_iter, test_iter, num_epochs, lr, device):
                    net = net.to(device)
                    print('training on', device)
                    optimizer = %s
                %s    loss = nn.CrossEntropyLoss()
                    for epoch in range(num_epochs):
                        train_l_sum, train_acc_sum, n, batch_count, start = 0.0, 0.0, 0, 0, time.time()
                        for X, y in train_iter:
                            X, y = X.to(device), y.to(device)
                            y_hat = net(X)
                            l = loss(y_hat, y)
                            optimizer.zero_grad()
                            l.backward()
                            optimizer.step()
                %s            train_l_sum += l.item()
                            train_acc_sum += (y_hat.argmax(dim=1) == y).sum().item()
                            n += y.shape[0]
                            batch_count += 1
                        test_acc = evaluate_accuracy(test_iter, net, device)
                        print('epoch %%d, loss %%.4f, train acc %%.3f, test acc %%.3f, time %%.1f sec'
                              %% (epoch + 1, train_l_sum / batch_count, train_acc_sum / n, test_acc, time.time() - start))
                """.formatted(optimizer,
                factor == null ? "" : "    # the rate falls along half a cosine to zero over the whole run"
                        + (recipe.schedule() == LearningRateSchedule.WARMUP_COSINE ? ", after a linear rise over the first "
                        + LearningRateSchedule.WARMUP_ITERATIONS + " steps" : "") + "\n"
                        + "    total = num_epochs * len(train_iter)\n"
                        + "    scheduler = torch.optim.lr_scheduler.LambdaLR(\n        optimizer, lambda i: " + factor + ")\n",
                factor == null ? "" : "            scheduler.step()\n");
    }

    private static String main(Architecture arch, Hyperparameters recipe) {
        return """
                def main():
                    parser = argparse.ArgumentParser(description='NiN: print the output shapes; --train to train it.')
                    parser.add_argument('--train', action='store_true', help='train on Fashion-MNIST after the shapes')
                    parser.add_argument('--epochs', type=int, default=%d)
                    parser.add_argument('--batch-size', type=int, default=%d)
                    parser.add_argument('--lr', type=float, default=%s)
                    parser.add_argument('--data-dir', default='data', help='where torchvision keeps Fashion-MNIST')
                    args = parser.parse_args()
                %s    torch.manual_seed(%d)
                    print_shapes()
                    if args.train:
                %s        train_iter, test_iter = load_data_fashion_mnist(args.batch_size, args.data_dir)
                        device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
                        train(net, train_iter, test_iter, args.epochs, args.lr, device)


                if __name__ == '__main__':
                    main()
                """.formatted(recipe.epochs(), recipe.batchSize(), ExportedNet.literal(recipe.learningRate()),
                arch.classes() == 10 ? "" : "    if args.train:\n        parser.error('this net scores "
                        + arch.classes() + " classes; Fashion-MNIST has 10')\n", recipe.seed(),
                recipe.weightInit() == Hyperparameters.WeightInitChoice.PYTORCH ? "" : "        net.apply(init_weights)\n");
    }
}
