# python3 trace_encoder.py resnet50.pth|EXPORT_FOLDER model.pt [SIZE]: a TorchScript encoder, and model.json, for Twinlab
import json, os, sys, torch
src, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 224
if src.endswith(".pth"): import torchvision; net = torchvision.models.resnet50(); net.fc = torch.nn.Identity(); net.load_state_dict(torch.load(src, map_location="cpu")); c, h, w, mean, std = 3, size, size, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
else: sys.path.insert(0, src); import encoder; net = encoder.load_encoder(src); (c, h, w), mean, std = encoder.INPUT_SHAPE, encoder.MEAN, encoder.STD
torch.jit.trace(net.eval(), torch.rand(2, c, h, w)).save(out); json.dump(dict(channels=c, height=h, width=w, mean=mean, std=std), open(os.path.join(os.path.dirname(os.path.abspath(out)), "model.json"), "w"))
