# Makes tiny-encoder.pt, the TorchScript fixture of the TorchScript fault tests (run once with /usr/bin/python3, torch 1.13):
# a traced module that maps N x 1 x 28 x 28 floats to N x 8 features.
import torch
torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Conv2d(1, 8, 3, stride=2), torch.nn.ReLU(), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten())
torch.jit.trace(net.eval(), torch.rand(2, 1, 28, 28)).save("tiny-encoder.pt")
