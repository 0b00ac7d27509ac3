"""Reference Barlow Twins in PyTorch (CPU), for measuring Twinlab against on the same machine.

A copy of ../shared/bench/reference_bt.py (read-only there) with flags the speed grid needs, the training
step unchanged: --encoder resnet18 (the CIFAR variant Twinlab builds), --warmup (untimed steps first),
--json (one line), --profile (seconds per phase; CPU ops run synchronously, so a clock around each phase
times it), and the mode `peak` (this process's float32 matrix-multiply rate, GFLOP/s).

Needs Debian's python3-torch (apt-get install python3-torch) and the Fashion-MNIST IDX files
(apt-get install dataset-fashion-mnist puts them in /usr/share/datasets/fashion-mnist).

  /usr/bin/python3 reference_bt.py train --epochs 1      # pairs/s, then linear-probe accuracy
  /usr/bin/python3 reference_bt.py train --steps 100     # pairs/s only
  /usr/bin/python3 reference_bt.py baseline              # linear probe on raw pixels and on a random encoder

Configuration: small CNN (32-64-128 channels, 3x3 convs, BN, ReLU, global average pool -> 128),
projector 128-512-512-512, batch 256, lambda 0.0051, Adam 1e-3, random-resized-crop (0.2-1) + flip,
2 threads. The linear probe standardises frozen features and trains a linear layer with Adam for 10 epochs.
"""
import argparse, gzip, json, time, struct, sys
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F

def off_diagonal(x):
    n, m = x.shape
    return x.flatten()[:-1].view(n - 1, n + 1)[:, 1:].flatten()

def bt_loss(z1, z2, lambd):
    n = z1.shape[0]
    bn = nn.BatchNorm1d(z1.shape[1], affine=False).to(z1.dtype)
    bn.train()
    c = bn(z1).T @ bn(z2)
    c = c / n
    on = (torch.diagonal(c) - 1).pow(2).sum()
    off = off_diagonal(c).pow(2).sum()
    return c, on, off, on + lambd * off

def read_idx(path):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    magic, = struct.unpack('>I', data[:4]); nd = magic & 0xff
    dims = struct.unpack('>' + 'I' * nd, data[4:4 + 4 * nd])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * nd).reshape(dims)

class Encoder(nn.Module):
    def __init__(self, out=128):
        super().__init__()
        def blk(i, o, s): return [nn.Conv2d(i, o, 3, s, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]
        self.net = nn.Sequential(*blk(1, 32, 1), *blk(32, 64, 2), *blk(64, 128, 2), nn.AdaptiveAvgPool2d(1), nn.Flatten())
    def forward(self, x): return self.net(x)

class Basic(nn.Module):
    def __init__(self, i, o, s):
        super().__init__()
        self.c1 = nn.Conv2d(i, o, 3, s, 1, bias=False); self.b1 = nn.BatchNorm2d(o)
        self.c2 = nn.Conv2d(o, o, 3, 1, 1, bias=False); self.b2 = nn.BatchNorm2d(o)
        self.sc = nn.Sequential(nn.Conv2d(i, o, 1, s, bias=False), nn.BatchNorm2d(o)) if s != 1 or i != o else nn.Identity()
    def forward(self, x): return F.relu(self.b2(self.c2(F.relu(self.b1(self.c1(x))))) + self.sc(x))

class ResNet18(nn.Module):
    """CIFAR variant, as Twinlab's: 3x3 stem, stride 1, no max-pool, 4 stages of 2 basic blocks, pool -> 512."""
    def __init__(self, cin=1):
        super().__init__()
        layers = [nn.Conv2d(cin, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(inplace=True)]; i = 64
        for st, w in enumerate([64, 128, 256, 512]):
            for u in range(2):
                layers.append(Basic(i, w, 2 if st > 0 and u == 0 else 1)); i = w
        self.net = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())
    def forward(self, x): return self.net(x)

def peak(threads, n=2048, reps=10):
    """float32 n x n matrix-multiply rate of this process, best of three timings of reps products."""
    torch.set_num_threads(threads); a = torch.randn(n, n); b = torch.randn(n, n); a @ b
    best = 0
    for _ in range(3):
        t = time.perf_counter()
        for _ in range(reps): a @ b
        best = max(best, 2 * n ** 3 * reps / (time.perf_counter() - t) / 1e9)
    return best

def projector(d, w, depth=3):
    sizes = [d] + [w] * depth; layers = []
    for i in range(len(sizes) - 2):
        layers += [nn.Linear(sizes[i], sizes[i+1], bias=False), nn.BatchNorm1d(sizes[i+1]), nn.ReLU(inplace=True)]
    layers.append(nn.Linear(sizes[-2], sizes[-1], bias=False))
    return nn.Sequential(*layers)

def augment(x, g, crop_min=0.2):
    # batched random-resized-crop (scale 0.2-1) + flip via affine_grid, all tensor ops
    b = x.shape[0]
    scale = torch.empty(b).uniform_(crop_min, 1.0, generator=g)
    logr = torch.empty(b).uniform_(np.log(3/4), np.log(4/3), generator=g)
    r = torch.exp(logr)
    w = torch.sqrt(scale * r).clamp(max=1); h = torch.sqrt(scale / r).clamp(max=1)
    cx = (torch.rand(b, generator=g) * 2 - 1) * (1 - w); cy = (torch.rand(b, generator=g) * 2 - 1) * (1 - h)
    flip = torch.where(torch.rand(b, generator=g) < 0.5, -1.0, 1.0)
    theta = torch.zeros(b, 2, 3)
    theta[:, 0, 0] = w * flip; theta[:, 0, 2] = cx; theta[:, 1, 1] = h; theta[:, 1, 2] = cy
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    return F.grid_sample(x, grid, align_corners=False)

def linear_probe(enc, xtr, ytr, xte, yte, epochs=10):
    enc.eval()
    with torch.no_grad():
        ftr = torch.cat([enc(xtr[i:i+1000]) for i in range(0, len(xtr), 1000)])
        fte = torch.cat([enc(xte[i:i+1000]) for i in range(0, len(xte), 1000)])
    mu, sd = ftr.mean(0), ftr.std(0) + 1e-6
    ftr, fte = (ftr - mu) / sd, (fte - mu) / sd
    clf = nn.Linear(ftr.shape[1], 10); opt = torch.optim.Adam(clf.parameters(), 1e-2)
    for _ in range(epochs):
        perm = torch.randperm(len(ftr))
        for i in range(0, len(ftr), 512):
            idx = perm[i:i+512]; loss = F.cross_entropy(clf(ftr[idx]), ytr[idx])
            opt.zero_grad(); loss.backward(); opt.step()
    enc.train()
    return (clf(fte).argmax(1) == yte).float().mean().item()

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mode'); ap.add_argument('--out'); ap.add_argument('--data', default='/usr/share/datasets/fashion-mnist')
    ap.add_argument('--batch', type=int, default=256); ap.add_argument('--width', type=int, default=512)
    ap.add_argument('--lambd', type=float, default=0.0051); ap.add_argument('--epochs', type=float, default=1)
    ap.add_argument('--train-n', type=int, default=60000); ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--steps', type=int, default=0); ap.add_argument('--crop-min', type=float, default=0.2)
    ap.add_argument('--encoder', default='small-cnn', choices=['small-cnn', 'resnet18'])
    ap.add_argument('--warmup', type=int, default=0); ap.add_argument('--json', action='store_true')
    ap.add_argument('--profile', action='store_true')
    a = ap.parse_args(); torch.manual_seed(0); torch.set_num_threads(a.threads)
    if a.mode == 'peak':
        g = peak(a.threads); print(json.dumps({'matmulGflops': g}) if a.json else f'matmul_gflops {g:.1f}'); return
    xtr = torch.tensor(read_idx(f'{a.data}/train-images-idx3-ubyte.gz')[:a.train_n], dtype=torch.float32).unsqueeze(1) / 255
    ytr = torch.tensor(read_idx(f'{a.data}/train-labels-idx1-ubyte.gz')[:a.train_n], dtype=torch.long)
    xte = torch.tensor(read_idx(f'{a.data}/t10k-images-idx3-ubyte.gz'), dtype=torch.float32).unsqueeze(1) / 255
    yte = torch.tensor(read_idx(f'{a.data}/t10k-labels-idx1-ubyte.gz'), dtype=torch.long)
    mean, std = xtr.mean(), xtr.std(); xtr = (xtr - mean) / std; xte = (xte - mean) / std
    if a.mode == 'baseline':
        flat = nn.Flatten(); t1 = time.time()
        print(f'pixels_linear_probe_acc {linear_probe(flat, xtr, ytr, xte, yte):.4f}')
        torch.manual_seed(0); print(f'random_encoder_linear_probe_acc {linear_probe(Encoder(), xtr, ytr, xte, yte):.4f} ({time.time()-t1:.0f}s)')
        return
    enc = Encoder() if a.encoder == 'small-cnn' else ResNet18(); proj = projector(128 if a.encoder == 'small-cnn' else 512, a.width)
    params = list(enc.parameters()) + list(proj.parameters())
    opt = torch.optim.Adam(params, lr=1e-3, weight_decay=1e-6)
    g = torch.Generator().manual_seed(0)
    steps_per_epoch = len(xtr) // a.batch; total = a.steps or int(a.epochs * steps_per_epoch)
    t0 = time.time(); step = 0; last = None; timed = a.warmup + total
    phases = dict(augment=0.0, forward=0.0, loss=0.0, backward=0.0, optimizer=0.0, other=0.0); clock = time.perf_counter
    while step < timed:
        perm = torch.randperm(len(xtr), generator=g)
        for i in range(steps_per_epoch):
            if step >= timed: break
            if step == a.warmup: t0 = time.time(); phases = dict.fromkeys(phases, 0.0)
            c0 = clock()
            x = xtr[perm[i*a.batch:(i+1)*a.batch]]
            y1, y2 = augment(x, g, a.crop_min), augment(x, g, a.crop_min)
            c1 = clock()
            z1, z2 = proj(enc(y1)), proj(enc(y2))
            c2 = clock()
            _, on, off, loss = bt_loss(z1, z2, a.lambd)
            c3 = clock()
            opt.zero_grad(); loss.backward()
            c4 = clock()
            opt.step()
            c5 = clock()
            step += 1; last = loss.item()
            if step % 50 == 0 and not a.json: print(f'step {step} loss {last:.2f} on {on.item():.2f} off {off.item():.2f} {(step - a.warmup)*a.batch/(time.time()-t0):.0f} pairs/s', flush=True)
            for k, d in zip(phases, (c1 - c0, c2 - c1, c3 - c2, c4 - c3, c5 - c4, clock() - c5)): phases[k] += d
    dt = time.time() - t0
    if a.json:
        r = dict(pairsPerSecond=total*a.batch/dt, secondsPerStep=dt/total, finalLoss=last, steps=total, batch=a.batch,
                 width=a.width, encoder=a.encoder, threads=a.threads)
        if a.profile: r['phases'] = {k: v / total for k, v in phases.items()}
        print(json.dumps(r))
    else:
        print(f'train_seconds {dt:.1f} pairs_per_s {total*a.batch/dt:.1f} final_loss {last:.3f}')
        if a.profile: print('seconds per step: ' + ', '.join(f'{k} {v / total:.4f}' for k, v in phases.items()))
    if not a.steps:
        t1 = time.time(); acc = linear_probe(enc, xtr, ytr, xte, yte); print(f'linear_probe_acc {acc:.4f} probe_seconds {time.time()-t1:.1f}')

if __name__ == '__main__': main()
